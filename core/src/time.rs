//! UTC timestamps without a date library. The service writes `create_time` as
//! `"2015-07-16 04:10:52"` and ports' `created_at` as `"2020-06-20T08:07:29"`, both UTC with
//! no zone (decision 8); AK/SK signing needs `X-Sdk-Date` as `20151116T121314Z`.

/// Seconds since the Unix epoch for `YYYY-MM-DD[ T]HH:MM:SS[.fff][Z]`, read as UTC.
pub fn parse_utc(s: &str) -> Option<i64> {
    parse_utc_ms(s).map(|ms| ms.div_euclid(1_000))
}

/// Milliseconds since the Unix epoch for the same forms, keeping the fraction: IAM writes
/// `expires_at` as `2026-12-04T07:00:00.123000Z`, and a token renewed "1 s before expiry" must
/// not lose most of that second.
pub fn parse_utc_ms(s: &str) -> Option<i64> {
    let s = s.trim().trim_end_matches('Z');
    let (s, millis) = match s.split_once('.') {
        Some((whole, fraction)) => (whole, fraction_ms(fraction)?),
        None => (s, 0),
    };
    let (date, time) = s.split_once([' ', 'T'])?;
    let mut d = date.splitn(3, '-').map(number);
    let (year, month, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.splitn(3, ':').map(number);
    let (hour, minute, second) = (t.next()??, t.next()??, t.next()??);
    let valid = (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
        && second < 61;
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second;
    valid.then(|| seconds * 1_000 + millis)
}

/// The milliseconds of a fraction of a second's digits (`"123000"` → 123); `None` unless it is
/// 1 to 9 digits.
fn fraction_ms(digits: &str) -> Option<i64> {
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.bytes().chain(std::iter::repeat(b'0')).take(3).fold(0, |ms, b| ms * 10 + i64::from(b - b'0')))
}

/// `YYYYMMDDTHHMMSSZ` for a Unix time in seconds (the `X-Sdk-Date` format).
pub fn sdk_date(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let secs = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z", secs / 3_600, secs % 3_600 / 60, secs % 60)
}

/// Seconds since the epoch for an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form
/// `Retry-After` uses when it is not a number of seconds.
pub fn parse_http_date(s: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut parts = s.trim().split_ascii_whitespace();
    let (_weekday, day, month, year, time, zone) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if zone != "GMT" || parts.next().is_some() {
        return None;
    }
    let month = MONTHS.iter().position(|m| *m == month)? as i64 + 1;
    parse_utc(&format!("{year}-{month:02}-{day} {time}"))
}

fn number(part: &str) -> Option<i64> {
    if part.is_empty() || part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_documented_formats_parse_as_utc() {
        assert_eq!(parse_utc("2015-07-16 04:10:52"), Some(1_437_019_852));
        assert_eq!(parse_utc("2020-06-20T08:07:29"), Some(1_592_640_449));
        assert_eq!(parse_utc("2020-06-20T08:07:29.123Z"), Some(1_592_640_449));
    }

    #[test]
    fn milliseconds_keep_the_fraction() {
        assert_eq!(parse_utc_ms("2020-06-20T08:07:29.987000Z"), Some(1_592_640_449_987));
        assert_eq!(parse_utc_ms("2020-06-20T08:07:29.9Z"), Some(1_592_640_449_900));
        assert_eq!(parse_utc_ms("2020-06-20T08:07:29"), Some(1_592_640_449_000));
        for bad in ["2020-06-20T08:07:29.", "2020-06-20T08:07:29.12a", "2020-06-20T08:07:29.1234567890"] {
            assert_eq!(parse_utc_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn nonsense_is_none_not_a_panic() {
        for bad in
            ["", "2015-13-01 00:00:00", "2015-02-29 00:00:00", "x-y-z a:b:c", "2015-07-16", "99999-01-01 00:00:00"]
        {
            assert_eq!(parse_utc(bad), None, "{bad}");
        }
    }

    #[test]
    fn http_dates() {
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(parse_http_date("Sun, 06 Nov 1994 08:49:37 PST"), None);
        assert_eq!(parse_http_date("06 Nov 1994"), None);
    }

    #[test]
    fn sdk_date_round_trips() {
        assert_eq!(sdk_date(1_437_019_852), "20150716T041052Z");
        assert_eq!(sdk_date(0), "19700101T000000Z");
        let t = parse_utc("2028-02-29 23:59:59").unwrap_or_default();
        assert_eq!(sdk_date(t), "20280229T235959Z");
    }
}
