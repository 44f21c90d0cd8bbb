//! 简体中文消息：多数为「{条件}{字段} {谓语}」，简短形式即「{条件}{谓语}」（不含字段路径）。

use super::{allowed_items, list};
use crate::issue::{Issue, IssueCode, Params, Severity};

pub(super) fn render(issue: &Issue) -> String {
    let p = &issue.params;
    let field = if issue.path.is_empty() { "请求体".to_owned() } else { issue.path.clone() };
    match issue.code {
        IssueCode::Required | IssueCode::RequiredIf => format!("{}{field} 为必填项。", condition(p)),
        IssueCode::UnknownField => unknown_field(issue),
        IssueCode::Region => match (&p.allowed, &p.value) {
            (Some(allowed), Some(value)) => format!(
                "区域 {} 不提供 {field} 的取值 \"{value}\"；可选值：{}。",
                p.region.as_deref().unwrap_or("?"),
                allowed_items(allowed).join("、")
            ),
            _ => format!(
                "区域 \"{}\" 不在 eipkit 的区域表中，未按区域检查 {field}。",
                p.region.as_deref().unwrap_or_default()
            ),
        },
        IssueCode::Ignored => format!("{}服务会忽略 {field}。", condition(p)),
        IssueCode::Unavailable => UNAVAILABLE.to_owned(),
        _ => format!("{}{field} {}", prefix(issue), predicate(issue)),
    }
}

const UNAVAILABLE: &str = "eipkit 尚未初始化：请先 await init() 再校验。";

/// 不含字段路径的简短说明，显示在字段旁边。
pub(super) fn short(issue: &Issue) -> String {
    let p = &issue.params;
    match issue.code {
        IssueCode::Required | IssueCode::RequiredIf => format!("{}必填。", condition(p)),
        IssueCode::UnknownField => match p.count {
            Some(count) => format!("含有 {count} 个本请求未定义的字段。"),
            None => format!("不是本请求的字段。{}", hints(p)),
        },
        IssueCode::Region => match (&p.allowed, &p.value) {
            (Some(allowed), Some(value)) => format!(
                "区域 {} 不提供 \"{value}\"；可选值：{}。",
                p.region.as_deref().unwrap_or("?"),
                allowed_items(allowed).join("、")
            ),
            _ => format!("未按区域检查：区域 \"{}\" 不在 eipkit 的区域表中。", p.region.as_deref().unwrap_or_default()),
        },
        IssueCode::Ignored => format!("{}服务会忽略此字段。", condition(p)),
        IssueCode::Unavailable => UNAVAILABLE.to_owned(),
        _ => format!("{}{}", prefix(issue), predicate(issue).trim_start_matches('的')),
    }
}

/// The condition a message starts with ("当 … 时，"): a range that depends on another field.
fn prefix(issue: &Issue) -> String {
    let p = &issue.params;
    match (issue.code, p.min, p.max) {
        (IssueCode::Range, Some(_), Some(_)) => condition(p),
        _ => String::new(),
    }
}

/// What the message says of the field, after its name ("必须在 1 到 2000 之间。").
fn predicate(issue: &Issue) -> String {
    let p = &issue.params;
    match issue.code {
        IssueCode::Type => {
            format!("必须是{}，而不是{}。", type_name(p.expected.unwrap_or("?")), type_name(p.received.unwrap_or("?")))
        }
        IssueCode::Length => match (p.min, p.max) {
            (Some(min), Some(max)) if min == max => format!("的长度必须恰好为 {max} 个字符{}。", actual(p)),
            (Some(0) | None, Some(max)) => format!("的长度不能超过 {max} 个字符{}。", actual(p)),
            (Some(min), Some(max)) => format!("的长度必须为 {min} 到 {max} 个字符{}。", actual(p)),
            _ => "的长度不正确。".to_owned(),
        },
        IssueCode::Charset => format!(
            "只能包含数字、字母、中文、“_”、“-”和“.”，但包含了 {}。",
            list(&quoted(p.invalid.as_deref().unwrap_or_default()), "、", " 和 ")
        ),
        IssueCode::Enum => {
            let allowed = p.allowed.as_ref().map(allowed_items).unwrap_or_default();
            let hint = p.suggestion.as_ref().map(|s| format!("你是不是想写 \"{s}\"？")).unwrap_or_default();
            format!("必须是以下值之一：{}。{hint}", allowed.join("、"))
        }
        IssueCode::Range => match (p.min, p.max) {
            (Some(min), Some(max)) => format!("必须在 {min} 到 {max} 之间。"),
            _ => "超出范围。".to_owned(),
        },
        IssueCode::Step => {
            let nearest: Vec<String> = p.nearest.iter().flatten().map(i64::to_string).collect();
            format!(
                "在其所在区间内必须是 {} 的倍数；最接近的有效值为 {}。",
                p.step.unwrap_or(1),
                list(&nearest, "、", " 和 ")
            )
        }
        IssueCode::Conflict if issue.severity == Severity::Warning => format!(
            "与 {}{} 同时使用可能被拒绝：API 参考说明 IPv6 暂不支持共享带宽（WHOLE）。",
            p.field.unwrap_or("其他字段"),
            p.value.as_ref().map(|v| format!(" = {v}")).unwrap_or_default()
        ),
        IssueCode::Conflict => format!("不能与 {} 同时设置。", p.field.unwrap_or("其他字段")),
        IssueCode::Format => match p.format {
            Some("header_value") => "只能包含可打印的 ASCII 字符：它会放在 HTTP 请求头中发送。",
            Some("id") => "必须是 ID：1 到 64 个 ASCII 字母、数字、“-”或“_”。",
            Some("https_url") => "必须是 https:// URL（仅回环地址可用 http://），且不含凭据、查询串或片段。",
            _ => "必须是带连字符的 UUID（8-4-4-4-12 位十六进制）或字符串“0”。",
        }
        .to_owned(),
        IssueCode::NotFound => format!(
            "\"{}\" 没有可用的{}。",
            p.value.as_deref().unwrap_or_default(),
            match p.what {
                Some("port") => "网卡端口（弹性公网IP需绑定到云服务器的网卡）",
                _ => "匹配项",
            }
        ),
        // `render` 与 `short` 完整措辞。
        IssueCode::Required
        | IssueCode::RequiredIf
        | IssueCode::UnknownField
        | IssueCode::Region
        | IssueCode::Ignored
        | IssueCode::Unavailable => String::new(),
    }
}

/// 未知字段的“你是不是想写”及接受该字段的操作。
fn hints(p: &Params) -> String {
    let mut hints = String::new();
    if let Some(s) = &p.suggestion {
        hints.push_str(&format!("你是不是想写 “{s}”？"));
    }
    if let Some(op) = p.accepted_by {
        hints.push_str(&format!("（{op} 接受该字段。）"));
    }
    hints
}

fn unknown_field(issue: &Issue) -> String {
    let p = &issue.params;
    if let Some(count) = p.count {
        let at = if issue.path.is_empty() { "请求体".to_owned() } else { issue.path.clone() };
        return format!("{at} 中有 {count} 个本请求未定义的字段。");
    }
    format!("“{}” 不是本请求的字段。{}", issue.path, hints(p))
}

fn condition(p: &Params) -> String {
    match (p.field, &p.value) {
        (Some(field), Some(value)) => format!("当 {field} 为 \"{value}\" 时，"),
        (Some(field), None) => format!("当设置了 {field} 时，"),
        _ => String::new(),
    }
}

fn actual(p: &Params) -> String {
    p.actual.map(|n| format!("（当前 {n} 个）")).unwrap_or_default()
}

fn quoted(items: &[String]) -> Vec<String> {
    items.iter().map(|c| if c.starts_with("U+") { c.clone() } else { format!("“{c}”") }).collect()
}

fn type_name(name: &str) -> &str {
    match name {
        "object" => "对象",
        "string" => "字符串",
        "integer" => "整数",
        "boolean" => "布尔值",
        "number" => "数字",
        "decimal" => "小数",
        "array" => "数组",
        "null" => "null",
        "undefined" => "undefined",
        "function" => "函数",
        "unreadable" => "无法读取的值",
        other => other,
    }
}
