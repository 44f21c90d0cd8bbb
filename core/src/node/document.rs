//! JSON text read for validation without building a tree of owned values: one pass writes a
//! flat list of items (a container records where its subtree ends), a string is a span of the
//! text unless it holds escapes, and an object's members are found by a scan (the API's
//! objects have a handful of keys). This is how the wasm layer reads its snapshots of JS
//! values: about half the allocations of a `serde_json::Value`, and none of serde's
//! deserializer in the module for forms. A malformed text, or one nested deeper than
//! [`MAX_DEPTH`], is an error, never a panic.

use super::{Node, Shape};
use std::borrow::Cow;

/// Deeper nesting is refused (the snapshots never exceed a handful of levels).
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON text (it owns the text).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    text: String,
    /// The strings that held escapes, decoded.
    decoded: Vec<String>,
    items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    Null,
    Bool(bool),
    Number(f64),
    Text(Str),
    /// Its elements follow; `end` is the index just past its subtree.
    Array {
        end: usize,
    },
    /// Its members follow as a `Key` then the value's subtree; `end` as for arrays.
    Object {
        end: usize,
    },
    Key(Str),
}

/// Where a string's characters are.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Str {
    /// Bytes `start..end` of the text, as they are.
    Span(usize, usize),
    /// An entry of `decoded`.
    Decoded(usize),
}

/// Why a text is not JSON (only for diagnostics: callers treat every failure alike).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed {
    /// The byte offset where reading stopped.
    pub at: usize,
}

impl Document {
    pub fn parse(text: String) -> Result<Document, Malformed> {
        let mut reader = Reader { text: &text, bytes: text.as_bytes(), at: 0, items: Vec::new(), decoded: Vec::new() };
        reader.value(0)?;
        reader.skip_space();
        if reader.at != reader.bytes.len() {
            return Err(Malformed { at: reader.at });
        }
        let (items, decoded) = (reader.items, reader.decoded);
        Ok(Document { text, decoded, items })
    }

    /// The top-level value.
    pub fn root(&self) -> At<'_> {
        At { document: self, at: if self.items.is_empty() { None } else { Some(0) } }
    }

    fn str(&self, s: Str) -> &str {
        match s {
            Str::Span(start, end) => self.text.get(start..end),
            Str::Decoded(index) => self.decoded.get(index).map(String::as_str),
        }
        .unwrap_or_default()
    }

    /// The index just past the subtree at `at`.
    fn end(&self, at: usize) -> usize {
        match self.items.get(at) {
            Some(Item::Array { end } | Item::Object { end }) => *end,
            _ => at + 1,
        }
    }
}

/// A value in a [`Document`] (or nothing: a missing member).
#[derive(Debug, Clone, Copy)]
pub struct At<'d> {
    document: &'d Document,
    at: Option<usize>,
}

impl<'d> At<'d> {
    fn item(&self) -> Option<&'d Item> {
        self.document.items.get(self.at?)
    }

    /// The subtrees directly inside a container, in order: indices of their first items (an
    /// object's keys and values alternate). None for anything else.
    fn children(&self) -> impl Iterator<Item = usize> + 'd {
        let document = self.document;
        let (mut next, end) = match (self.at, self.item()) {
            (Some(at), Some(Item::Array { end } | Item::Object { end })) => (at + 1, *end),
            _ => (0, 0),
        };
        std::iter::from_fn(move || {
            let at = (next < end).then_some(next)?;
            next = document.end(at);
            Some(at)
        })
    }

    /// An object's members in their order: (key, index of the value).
    fn members(&self) -> impl Iterator<Item = (&'d str, usize)> + 'd {
        let document = self.document;
        let object = matches!(self.item(), Some(Item::Object { .. }));
        let mut children = self.children();
        std::iter::from_fn(move || {
            let (key, value) = (children.next().filter(|_| object)?, children.next()?);
            match document.items.get(key) {
                Some(Item::Key(key)) => Some((document.str(*key), value)),
                _ => None,
            }
        })
    }

    /// An array's elements: indices of their values.
    fn elements(&self) -> impl Iterator<Item = usize> + 'd {
        let array = matches!(self.item(), Some(Item::Array { .. }));
        self.children().filter(move |_| array)
    }

    /// The key and value of an object with exactly one member (how the wasm layer's snapshots
    /// mark the values JSON cannot hold).
    pub fn sole_member(&self) -> Option<(&'d str, At<'d>)> {
        let mut members = self.members();
        let (key, value) = members.next()?;
        if members.next().is_some() {
            return None;
        }
        Some((key, self.at(Some(value))))
    }

    /// The string, if this is one (borrowed for as long as the document).
    pub fn as_str(&self) -> Option<&'d str> {
        match self.item() {
            Some(Item::Text(s)) => Some(self.document.str(*s)),
            _ => None,
        }
    }

    fn at(&self, at: Option<usize>) -> At<'d> {
        At { document: self.document, at }
    }
}

impl Node for At<'_> {
    fn shape(&self) -> Shape<'_> {
        match self.item() {
            None => Shape::Absent,
            Some(Item::Null) => Shape::Null,
            Some(Item::Bool(b)) => Shape::Bool(*b),
            Some(Item::Number(n)) => Shape::Number(*n),
            Some(Item::Text(s)) => Shape::Text(Cow::Borrowed(self.document.str(*s))),
            Some(Item::Array { .. }) => Shape::Array,
            Some(Item::Object { .. }) => Shape::Object,
            // Never the start of a value; read as nothing rather than trusted.
            Some(Item::Key(_)) => Shape::Absent,
        }
    }

    /// An object's member (the last one of that key, as `JSON.parse` keeps), or an array's
    /// element by its index.
    fn member(&self, key: &str) -> Self {
        match self.item() {
            Some(Item::Object { .. }) => self.at(self.members().filter(|(k, _)| *k == key).last().map(|(_, v)| v)),
            Some(Item::Array { .. }) => self.at(key.parse::<usize>().ok().and_then(|i| self.elements().nth(i))),
            _ => self.at(None),
        }
    }

    fn keys(&self) -> Result<Vec<Cow<'_, str>>, &'static str> {
        Ok(match self.item() {
            Some(Item::Object { .. }) => {
                let mut keys: Vec<Cow<'_, str>> = Vec::new();
                for (key, _) in self.members() {
                    // A repeated key is one member (JSON.parse and serde_json keep one).
                    if !keys.iter().any(|k| k == key) {
                        keys.push(Cow::Borrowed(key));
                    }
                }
                keys
            }
            Some(Item::Array { .. }) => (0..self.elements().count()).map(|i| Cow::Owned(i.to_string())).collect(),
            _ => Vec::new(),
        })
    }
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    items: Vec<Item>,
    decoded: Vec<String>,
}

impl<'t> Reader<'t> {
    fn fail<T>(&self) -> Result<T, Malformed> {
        Err(Malformed { at: self.at })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), Malformed> {
        self.skip_space();
        if self.peek() != Some(byte) {
            return self.fail();
        }
        self.at += 1;
        Ok(())
    }

    fn literal(&mut self, word: &str, item: Item) -> Result<(), Malformed> {
        if !self.bytes.get(self.at..).is_some_and(|rest| rest.starts_with(word.as_bytes())) {
            return self.fail();
        }
        self.at += word.len();
        self.items.push(item);
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<(), Malformed> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.container(depth, b'}', true),
            Some(b'[') => self.container(depth, b']', false),
            Some(b'"') => {
                let text = self.string()?;
                self.items.push(Item::Text(text));
                Ok(())
            }
            Some(b't') => self.literal("true", Item::Bool(true)),
            Some(b'f') => self.literal("false", Item::Bool(false)),
            Some(b'n') => self.literal("null", Item::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.fail(),
        }
    }

    /// An object (`keyed`) or an array, opening byte at `self.at`.
    fn container(&mut self, depth: usize, close: u8, keyed: bool) -> Result<(), Malformed> {
        if depth >= MAX_DEPTH {
            return self.fail();
        }
        self.at += 1;
        let start = self.items.len();
        self.items.push(if keyed { Item::Object { end: 0 } } else { Item::Array { end: 0 } });
        self.skip_space();
        if self.peek() == Some(close) {
            self.at += 1;
        } else {
            loop {
                if keyed {
                    self.skip_space();
                    if self.peek() != Some(b'"') {
                        return self.fail();
                    }
                    let key = self.string()?;
                    self.items.push(Item::Key(key));
                    self.expect(b':')?;
                }
                self.value(depth + 1)?;
                self.skip_space();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(byte) if byte == close => {
                        self.at += 1;
                        break;
                    }
                    _ => return self.fail(),
                }
            }
        }
        let end = self.items.len();
        if let Some(Item::Array { end: slot } | Item::Object { end: slot }) = self.items.get_mut(start) {
            *slot = end;
        }
        Ok(())
    }

    /// A number, as serde_json reads one (its significand as a `u64` and a power of ten): exact
    /// for integers below 2^53 and whenever the exponent is within ±22; beyond, within a few
    /// units of the last place. Not Rust's float parser: its tables would add 10 KB to the wasm.
    fn number(&mut self) -> Result<(), Malformed> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let (mut significand, mut exponent, mut full) = (0u64, 0i32, false);
        let mut digit = |reader: &mut Reader<'t>, fraction: bool| -> bool {
            let Some(d @ b'0'..=b'9') = reader.peek() else { return false };
            reader.at += 1;
            match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(d - b'0'))) {
                Some(next) if !full => {
                    significand = next;
                    exponent -= i32::from(fraction);
                }
                // Past 19 digits: an integer digit scales, a fraction digit is dropped.
                _ => {
                    full = true;
                    exponent += i32::from(!fraction);
                }
            }
            true
        };
        if self.peek() == Some(b'0') {
            // No leading zeros: "0" and "0.5", never "01".
            self.at += 1;
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return self.fail();
            }
        } else if !digit(self, false) {
            return self.fail();
        }
        while digit(self, false) {}
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digit(self, true) {
                return self.fail();
            }
            while digit(self, true) {}
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let sign = match self.peek() {
                Some(b'-') => -1,
                Some(b'+') => 1,
                _ => 0,
            };
            self.at += usize::from(sign != 0);
            let mut written = 0i32;
            let mut any = false;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                any = true;
                written = written.saturating_mul(10).saturating_add(i32::from(d - b'0'));
            }
            if !any {
                return self.fail();
            }
            exponent = exponent.saturating_add(if sign < 0 { -written } else { written });
        }
        match scale(significand, exponent) {
            Some(n) => {
                self.items.push(Item::Number(if negative { -n } else { n }));
                Ok(())
            }
            // Beyond f64: JSON.parse would give Infinity, which JSON cannot hold.
            None => self.fail(),
        }
    }

    /// A string, its opening quote at `self.at`: a span of the text when it holds no escape.
    fn string(&mut self) -> Result<Str, Malformed> {
        self.at += 1;
        let start = self.at;
        loop {
            match self.peek() {
                Some(b'"') => {
                    let end = self.at;
                    self.at += 1;
                    return Ok(Str::Span(start, end));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) | None => return self.fail(),
                Some(_) => self.at += 1,
            }
        }
        let mut out = String::from(self.text.get(start..self.at).unwrap_or_default());
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    self.decoded.push(out);
                    return Ok(Str::Decoded(self.decoded.len() - 1));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = self.peek();
                    self.at += 1;
                    match escaped {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => out.push(self.unicode_escape()?),
                        _ => return self.fail(),
                    }
                }
                Some(0..=0x1f) | None => return self.fail(),
                Some(_) => {
                    // Copy up to the next quote or backslash at once (the text is UTF-8 already).
                    let from = self.at;
                    while matches!(self.peek(), Some(byte) if byte != b'"' && byte != b'\\' && byte >= 0x20) {
                        self.at += 1;
                    }
                    out.push_str(self.text.get(from..self.at).unwrap_or_default());
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (its `u` read), joining a surrogate pair; a lone
    /// surrogate (JSON.stringify writes one for a lone surrogate in a key) becomes U+FFFD.
    fn unicode_escape(&mut self) -> Result<char, Malformed> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes.get(self.at..self.at + 2) == Some(b"\\u") {
            let back = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.at = back;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Result<u32, Malformed> {
        let digits = self.text.get(self.at..self.at + 4).ok_or(Malformed { at: self.at })?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return self.fail();
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| Malformed { at: self.at })
    }
}

/// `significand × 10^exponent`: one rounding when both are exact (below 2^53, within ±22).
fn scale(significand: u64, exponent: i32) -> Option<f64> {
    let mut n = significand as f64;
    if n == 0.0 {
        return Some(0.0);
    }
    let mut exponent = exponent;
    if exponent >= 0 {
        n *= power_of_ten(exponent.unsigned_abs());
    } else {
        while exponent < -308 && n != 0.0 {
            n /= 1e308;
            exponent += 308;
        }
        n /= power_of_ten(exponent.unsigned_abs());
    }
    n.is_finite().then_some(n)
}

/// 10^e from its binary digits: exact up to 10^22; infinite past 10^308.
fn power_of_ten(e: u32) -> f64 {
    const SQUARES: [f64; 9] = [1e1, 1e2, 1e4, 1e8, 1e16, 1e32, 1e64, 1e128, 1e256];
    if e > 511 {
        return f64::INFINITY;
    }
    SQUARES.iter().enumerate().filter(|&(bit, _)| e & (1 << bit) != 0).fold(1.0, |n, (_, square)| n * square)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(text: &str) -> Shape<'static> {
        let document = Document::parse(text.to_owned()).unwrap();
        let root = document.root();
        match root.shape() {
            Shape::Text(s) => Shape::Text(Cow::Owned(s.into_owned())),
            Shape::Absent => Shape::Absent,
            Shape::Null => Shape::Null,
            Shape::Bool(b) => Shape::Bool(b),
            Shape::Number(n) => Shape::Number(n),
            Shape::Array => Shape::Array,
            Shape::Object => Shape::Object,
            Shape::Other(o) => Shape::Other(o),
        }
    }

    #[test]
    fn reads_every_kind_of_value() {
        assert_eq!(shape_of(" null "), Shape::Null);
        assert_eq!(shape_of("true"), Shape::Bool(true));
        assert_eq!(shape_of("false"), Shape::Bool(false));
        assert_eq!(shape_of("-12.5e1"), Shape::Number(-125.0));
        assert_eq!(shape_of("0"), Shape::Number(0.0));
        assert_eq!(shape_of("-0.0e5"), Shape::Number(0.0));
        assert_eq!(shape_of("9007199254740991"), Shape::Number(9007199254740991.0));
        assert_eq!(shape_of("300.00000000000006"), Shape::Number(300.00000000000006));
        assert_eq!(shape_of("1.5E+2"), Shape::Number(150.0));
        assert_eq!(shape_of("123456789012345678901234567890"), Shape::Number(1.2345678901234568e29));
        assert_eq!(shape_of("1e-400"), Shape::Number(0.0));
        assert_eq!(shape_of("0e999"), Shape::Number(0.0));
        assert_eq!(shape_of(r#""a\"b\\c\/\n\u00e9\ud83d\ude00""#), Shape::Text("a\"b\\c/\né😀".into()));
        assert_eq!(shape_of(r#""\ud800x""#), Shape::Text("\u{FFFD}x".into()));
        assert_eq!(shape_of("[1, [2], {}]"), Shape::Array);
        assert_eq!(shape_of(r#"{"a": 1}"#), Shape::Object);
    }

    #[test]
    fn finds_members_elements_and_keys() {
        let text = r#"{"a": {"x": [1, {"y": 2}]}, "b": "t", "a2": null, "b": "last"}"#;
        let document = Document::parse(text.to_owned()).unwrap();
        let root = document.root();
        assert_eq!(root.keys().unwrap(), ["a", "b", "a2"]);
        assert_eq!(root.member("b").shape(), Shape::Text("last".into()));
        assert_eq!(root.member("a2").shape(), Shape::Null);
        assert_eq!(root.member("zz").shape(), Shape::Absent);
        let list = root.member("a").member("x");
        assert_eq!(list.keys().unwrap(), ["0", "1"]);
        assert_eq!(list.member("1").member("y").shape(), Shape::Number(2.0));
        assert_eq!(list.member("2").shape(), Shape::Absent);
        assert_eq!(list.member("0").member("y").shape(), Shape::Absent);
    }

    #[test]
    fn refuses_what_is_not_json() {
        let too_deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let bad = [
            "",
            " ",
            "nul",
            "01",
            "-",
            "1.",
            "1e",
            ".5",
            "+1",
            "NaN",
            "1e999",
            "[1,]",
            "[1 2]",
            "{\"a\"}",
            "{\"a\":1,}",
            "{a:1}",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "\"a\nb\"",
            "[] []",
            "{\"a\":1}}",
            &too_deep,
        ];
        for text in bad {
            assert!(Document::parse(text.to_owned()).is_err(), "{text:?} was read");
        }
        let deep_enough = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(Document::parse(deep_enough).is_ok());
    }
}
