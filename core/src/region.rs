//! Which EIP types each region offers ([003]'s table, with Dalian from [004]), keyed by region
//! id. Region tables change over time and the service stays authoritative: the check runs
//! only when the caller names a region (docs/decisions.md, decision 3).

use crate::model::enums::EipType;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// The region id used in endpoints, e.g. `cn-north-4`.
    pub id: &'static str,
    /// The name the API reference uses.
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// The `publicip.type` values offered there.
    pub eip_types: &'static [&'static str],
}

static BGP: &[&str] = &["5_bgp"];
static BGP_SBGP: &[&str] = &["5_bgp", "5_sbgp"];
static DALIAN: &[&str] = &["5_telcom", "5_union"];

pub static REGIONS: &[Region] = &[
    Region { id: "cn-south-1", name_zh: "华南-广州", name_en: "CN South-Guangzhou", eip_types: BGP_SBGP },
    Region { id: "cn-east-3", name_zh: "华东-上海一", name_en: "CN East-Shanghai1", eip_types: BGP_SBGP },
    Region { id: "cn-east-2", name_zh: "华东-上海二", name_en: "CN East-Shanghai2", eip_types: BGP_SBGP },
    Region { id: "cn-north-1", name_zh: "华北-北京一", name_en: "CN North-Beijing1", eip_types: BGP_SBGP },
    Region { id: "cn-north-4", name_zh: "华北-北京四", name_en: "CN North-Beijing4", eip_types: BGP_SBGP },
    // [003] lists both types; the older [004] table lists only 5_sbgp (decision 3).
    Region { id: "cn-southwest-2", name_zh: "西南-贵阳一", name_en: "CN Southwest-Guiyang1", eip_types: BGP_SBGP },
    Region { id: "ap-southeast-1", name_zh: "中国-香港", name_en: "CN-Hong Kong", eip_types: BGP },
    Region { id: "ap-southeast-2", name_zh: "亚太-曼谷", name_en: "AP-Bangkok", eip_types: BGP },
    Region { id: "ap-southeast-3", name_zh: "亚太-新加坡", name_en: "AP-Singapore", eip_types: BGP },
    Region { id: "af-south-1", name_zh: "非洲-约翰内斯堡", name_en: "AF-Johannesburg", eip_types: BGP },
    Region { id: "la-south-2", name_zh: "拉美-圣地亚哥", name_en: "LA-Santiago", eip_types: BGP },
    Region { id: "sa-brazil-1", name_zh: "拉美-圣保罗一", name_en: "LA-Sao Paulo1", eip_types: BGP },
    Region { id: "na-mexico-1", name_zh: "拉美-墨西哥城一", name_en: "LA-Mexico City1", eip_types: BGP },
    Region {
        id: "sa-argentina-1", name_zh: "拉美-布宜诺斯艾利一", name_en: "LA-Buenos Aires1", eip_types: BGP
    },
    Region { id: "sa-peru-1", name_zh: "拉美-利马一", name_en: "LA-Lima1", eip_types: BGP },
    Region { id: "sa-chile-1", name_zh: "拉美-圣地亚哥二", name_en: "LA-Santiago2", eip_types: BGP },
    // Only in [004]'s older table.
    Region { id: "cn-northeast-1", name_zh: "东北-大连", name_en: "CN Northeast-Dalian", eip_types: DALIAN },
];

/// Finds a region by id (`cn-north-4`), case-insensitively, or by the reference's Chinese name.
pub fn find(region: &str) -> Option<&'static Region> {
    let region = region.trim();
    REGIONS.iter().find(|r| r.id.eq_ignore_ascii_case(region) || r.name_zh == region)
}

impl Region {
    pub fn offers(&self, eip_type: &EipType) -> bool {
        self.eip_types.contains(&eip_type.as_str())
    }
}
