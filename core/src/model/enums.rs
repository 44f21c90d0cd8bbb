//! String enums of the wire format. Forward compatible: a value this version does not know
//! parses into `Other` and is kept verbatim, never an error. Their `KNOWN` lists are what
//! the validation schema accepts, so each set of values is written once.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this version of eipkit does not know, kept as the service sent it.
            Other(String),
        }

        impl $name {
            /// The documented wire values, in the API reference's order.
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];

            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Other(s) => s,
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $($wire => Self::$variant,)+
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = std::borrow::Cow::<str>::deserialize(deserializer)?;
                Ok(Self::from(s.as_ref()))
            }
        }
    };
}

wire_enum! {
    /// EIP status ([003] PublicipCreateResp.status, [004]).
    Status {
        Freezed = "FREEZED",
        BindError = "BIND_ERROR",
        Binding = "BINDING",
        PendingDelete = "PENDING_DELETE",
        PendingCreate = "PENDING_CREATE",
        Notifying = "NOTIFYING",
        NotifyDelete = "NOTIFY_DELETE",
        PendingUpdate = "PENDING_UPDATE",
        /// Not bound.
        Down = "DOWN",
        /// Bound.
        Active = "ACTIVE",
        Elb = "ELB",
        Vpn = "VPN",
        Error = "ERROR",
    }
}

wire_enum! {
    /// EIP line type (`publicip.type`): which ones a region offers is in [`crate::region`].
    EipType {
        /// Dynamic BGP.
        Bgp = "5_bgp",
        /// Static BGP.
        Sbgp = "5_sbgp",
        /// China Telecom (Dalian, [004]).
        Telcom = "5_telcom",
        /// China Unicom (Dalian, [004]).
        Union = "5_union",
    }
}

wire_enum! {
    /// `bandwidth.share_type`.
    ShareType {
        /// Dedicated bandwidth.
        Per = "PER",
        /// Shared bandwidth.
        Whole = "WHOLE",
    }
}

wire_enum! {
    /// `bandwidth.charge_mode`: what the bandwidth is billed by.
    BandwidthChargeMode {
        Bandwidth = "bandwidth",
        Traffic = "traffic",
    }
}

wire_enum! {
    /// `extendParam.charge_mode`: prepaid (yearly/monthly) or pay per use.
    BillingMode {
        PrePaid = "prePaid",
        PostPaid = "postPaid",
    }
}

wire_enum! {
    /// `extendParam.period_type`.
    PeriodType {
        Month = "month",
        Year = "year",
    }
}

wire_enum! {
    /// A port's status (VPC ports API).
    PortStatus {
        Active = "ACTIVE",
        Build = "BUILD",
        Down = "DOWN",
    }
}
