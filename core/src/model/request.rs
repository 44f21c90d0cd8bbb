//! The three request bodies, for Rust callers who prefer types to JSON. They are checked by
//! the same rule tables as JSON input: [`RequestBody::validate`] serialises and validates.

use crate::issue::Issue;
use crate::model::enums::{BandwidthChargeMode, BillingMode, EipType, PeriodType, ShareType};
use crate::operation::Operation;
use crate::validate::{self, Checked, Options, Validation};
use serde::{Deserialize, Serialize};

/// A typed request body of one operation.
pub trait RequestBody: Serialize {
    const OPERATION: Operation;

    fn validate(&self, options: &Options) -> Validation {
        match serde_json::to_value(self) {
            Ok(body) => validate::validate_json(Self::OPERATION, &body, options),
            // Unreachable for these types (string keys only), but never a panic.
            Err(_) => validate::validate_json(Self::OPERATION, &serde_json::Value::Null, options),
        }
    }

    /// The body ready for a request builder, or every issue that prevents it.
    fn check(&self, options: &Options) -> Result<Checked, Vec<Issue>> {
        self.validate(options).into_checked()
    }
}

/// `POST /v1/{project_id}/publicips`: a pay-per-use EIP.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatePublicipBody {
    pub publicip: PublicipCreateOption,
    pub bandwidth: BandwidthOption,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
}

impl RequestBody for CreatePublicipBody {
    const OPERATION: Operation = Operation::CreatePublicip;
}

/// `POST /v2.0/{project_id}/publicips`: prepaid (or pay per use without `extendParam`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatePrepaidPublicipBody {
    pub publicip: PublicipCreateOption,
    pub bandwidth: BandwidthOption,
    #[serde(rename = "extendParam", default, skip_serializing_if = "Option::is_none")]
    pub extend_param: Option<ExtendParam>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
}

impl RequestBody for CreatePrepaidPublicipBody {
    const OPERATION: Operation = Operation::CreatePrepaidPublicip;
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicipCreateOption {
    #[serde(rename = "type")]
    pub eip_type: EipType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
}

impl PublicipCreateOption {
    pub fn new(eip_type: EipType) -> PublicipCreateOption {
        PublicipCreateOption { eip_type, ip_version: None, alias: None, port_id: None }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandwidthOption {
    pub share_type: ShareType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_mode: Option<BandwidthChargeMode>,
}

impl BandwidthOption {
    /// A dedicated bandwidth.
    pub fn dedicated(name: impl Into<String>, size: i64) -> BandwidthOption {
        BandwidthOption {
            share_type: ShareType::Per,
            id: None,
            name: Some(name.into()),
            size: Some(size),
            charge_mode: None,
        }
    }

    /// An existing shared bandwidth.
    pub fn shared(id: impl Into<String>) -> BandwidthOption {
        BandwidthOption { share_type: ShareType::Whole, id: Some(id.into()), name: None, size: None, charge_mode: None }
    }
}

/// `extendParam`: billing of a v2.0 create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtendParam {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charge_mode: Option<BillingMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_type: Option<PeriodType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_num: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_auto_renew: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_auto_pay: Option<bool>,
}

impl ExtendParam {
    pub fn prepaid(period_type: PeriodType, period_num: i64) -> ExtendParam {
        ExtendParam {
            charge_mode: Some(BillingMode::PrePaid),
            period_type: Some(period_type),
            period_num: Some(period_num),
            ..ExtendParam::default()
        }
    }
}

/// `PUT /v1/{project_id}/publicips/{publicip_id}`: bind, unbind or convert.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdatePublicipBody {
    pub publicip: PublicipUpdateOption,
}

impl RequestBody for UpdatePublicipBody {
    const OPERATION: Operation = Operation::UpdatePublicip;
}

impl UpdatePublicipBody {
    pub fn bind(port_id: impl Into<String>) -> UpdatePublicipBody {
        UpdatePublicipBody { publicip: PublicipUpdateOption { port_id: Some(port_id.into()), ip_version: None } }
    }

    pub fn unbind() -> UpdatePublicipBody {
        UpdatePublicipBody::default()
    }

    pub fn convert(ip_version: u8) -> UpdatePublicipBody {
        UpdatePublicipBody { publicip: PublicipUpdateOption { port_id: None, ip_version: Some(ip_version) } }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PublicipUpdateOption {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<u8>,
}
