//! Response bodies. Parsing is lenient where the service is: unknown fields are kept in
//! `extra`, unknown enum values are kept, and formats (masked addresses such as
//! `"161.xx.xx.7"`, two time formats) are not checked (decisions 7 and 8). A known field sent
//! as `null` reads as `None` (and is not written back); the wire JSON (`parse_value`, which the
//! JS API returns) keeps it.

use crate::model::enums::{EipType, PortStatus, ShareType, Status};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An EIP as create, show, update and list return it ([003] PublicipCreateResp, [004]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publicip {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Order information; present and non-empty only for prepaid EIPs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub eip_type: Option<EipType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_ip_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_ipv6_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_version: Option<u8>,
    /// Only when bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_ip_address: Option<String>,
    /// Only when bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// UTC, `"2015-07-16 04:10:52"`; see [`crate::time::parse_utc`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth_size: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth_share_type: Option<ShareType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enterprise_project_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// Fields this version does not know, as the service sent them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Publicip {
    /// Prepaid EIPs carry a non-empty profile.
    pub fn is_prepaid(&self) -> bool {
        self.profile.as_ref().is_some_and(|p| p.order_id.as_deref().is_some_and(|id| !id.is_empty()))
    }
}

/// `publicip.profile`: where a prepaid EIP's order is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{ "publicip": {...} }`: the answer of create (v1), show and update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicipResponse {
    pub publicip: Publicip,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The v2.0 create answers an EIP (pay per use) or an order (prepaid). [003]'s example wraps
/// both in `"application/json-1"`/`"-2"` keys: a documentation artefact, not the wire format
/// (decision 6), which is why neither variant accepts it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CreatePrepaidResponse {
    Publicip(Box<PublicipResponse>),
    Order(PrepaidOrder),
}

/// The prepaid answer: the order placed and the id the EIP will have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PrepaidOrder {
    pub order_id: String,
    pub publicip_id: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{ "publicips": [...] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicipList {
    pub publicips: Vec<Publicip>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A port (VPC API), as listing a server's ports returns it [000].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Port {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PortStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_state_up: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_ips: Option<Vec<FixedIp>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The server (ECS) the port belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_groups: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_dhcp_opts: Option<Vec<Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_address_pairs: Option<Vec<Value>>,
    #[serde(rename = "binding:vnic_type", default, skip_serializing_if = "Option::is_none")]
    pub binding_vnic_type: Option<String>,
    #[serde(rename = "binding:vif_details", default, skip_serializing_if = "Option::is_none")]
    pub binding_vif_details: Option<VifDetails>,
    #[serde(rename = "binding:profile", default, skip_serializing_if = "Option::is_none")]
    pub binding_profile: Option<Map<String, Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port_security_enabled: Option<bool>,
    /// `"2020-06-20T08:07:29"`, UTC; see [`crate::time::parse_utc`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Port {
    /// `binding:vif_details.primary_interface`: the server's primary network interface.
    pub fn is_primary(&self) -> bool {
        self.binding_vif_details.as_ref().and_then(|d| d.primary_interface).unwrap_or(false)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FixedIp {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct VifDetails {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_interface: Option<bool>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{ "ports": [...] }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortList {
    pub ports: Vec<Port>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
