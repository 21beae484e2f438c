//! Numbers as people read them: a decimal comma in Dutch (`7,5`) and a dot in English (`7.5`),
//! thousands grouped in counts, percentages, and intervals like `7,1 – 7,9`. Pure string
//! functions; what to show (and what suppression hides) is decided elsewhere.
//!
//! Rounding is half away from zero on the number *as written in shortest decimal form*: 7.45
//! becomes 7,5 and −7.45 becomes −7,5, as a person rounding by hand would do, even though the
//! binary double nearest to 7.45 lies a hair below it. A result that rounds to zero is shown
//! without a minus sign.

use super::lang::Lang;

/// `x` with exactly `decimals` digits after the decimal separator of `lang`.
///
/// ```
/// use samenscan::domain::{format_decimal, Lang};
/// assert_eq!(format_decimal(7.45, 1, Lang::Nl), "7,5");
/// assert_eq!(format_decimal(-0.125, 2, Lang::En), "-0.13");
/// ```
pub fn format_decimal(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        // Never produced by the statistics (they give None instead); a dash beats "NaN".
        return "–".to_string();
    }
    // Rust's Display for f64 is the shortest string that reads back as the same double and
    // never uses an exponent, so rounding its digits is rounding what people would see.
    let written = format!("{}", x.abs());
    let (int_part, frac_part) = written.split_once('.').unwrap_or((&written, ""));
    let mut digits: Vec<u8> = int_part
        .bytes()
        .chain(
            frac_part
                .bytes()
                .chain(std::iter::repeat(b'0'))
                .take(decimals),
        )
        .map(|b| b - b'0')
        .collect();
    let round_up = frac_part
        .as_bytes()
        .get(decimals)
        .is_some_and(|&d| d >= b'5');
    if round_up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let int_len = digits.len() - decimals;
    let mut out = String::with_capacity(digits.len() + 2);
    if x < 0.0 && digits.iter().any(|&d| d != 0) {
        out.push('-');
    }
    out.extend(digits[..int_len].iter().map(|d| char::from(b'0' + d)));
    if decimals > 0 {
        out.push(decimal_separator(lang));
        out.extend(digits[int_len..].iter().map(|d| char::from(b'0' + d)));
    }
    out
}

/// A number with as many decimals as it has (up to 6), for bounds in messages: `0`, `2,5`.
pub fn format_number(x: f64, lang: Lang) -> String {
    let s = format_decimal(x, 6, lang);
    let sep = decimal_separator(lang);
    s.trim_end_matches('0').trim_end_matches(sep).to_string()
}

/// A count with thousands grouped: `100.000` in Dutch, `100,000` in English.
pub fn format_count(n: usize, lang: Lang) -> String {
    let group = match lang {
        Lang::Nl => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    out
}

/// A share (0.0–1.0) as a percentage: `12,5%` in Dutch, `12.5%` in English.
pub fn format_percent(share: f64, decimals: usize, lang: Lang) -> String {
    format!("{}%", format_decimal(share * 100.0, decimals, lang))
}

/// An interval with an en dash between spaces: `7,1 – 7,9`.
pub fn format_interval(low: f64, high: f64, decimals: usize, lang: Lang) -> String {
    format!(
        "{} – {}",
        format_decimal(low, decimals, lang),
        format_decimal(high, decimals, lang)
    )
}

fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::Nl => ',',
        Lang::En => '.',
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Nl};

    #[test]
    fn decimal_comma_in_dutch_and_dot_in_english() {
        assert_eq!(format_decimal(7.5, 1, Nl), "7,5");
        assert_eq!(format_decimal(7.5, 1, En), "7.5");
        assert_eq!(format_decimal(8.0, 1, Nl), "8,0");
        assert_eq!(format_decimal(8.0, 0, Nl), "8");
        assert_eq!(format_decimal(1.23456, 3, En), "1.235");
    }

    #[test]
    fn rounds_half_away_from_zero_as_written() {
        assert_eq!(format_decimal(7.45, 1, Nl), "7,5"); // the double is 7.4499999…, written 7.45
        assert_eq!(format_decimal(-7.45, 1, Nl), "-7,5");
        assert_eq!(format_decimal(1.005, 2, En), "1.01");
        assert_eq!(format_decimal(2.5, 0, En), "3");
        assert_eq!(format_decimal(-2.5, 0, En), "-3");
        assert_eq!(format_decimal(9.96, 1, Nl), "10,0"); // carry into a new digit
        assert_eq!(format_decimal(99.99, 1, En), "100.0");
        assert_eq!(format_decimal(0.04, 1, Nl), "0,0");
        assert_eq!(
            format_decimal(-0.04, 1, Nl),
            "0,0",
            "no minus before a zero"
        );
        assert_eq!(format_decimal(-0.06, 1, Nl), "-0,1");
        assert_eq!(format_decimal(1e-7, 2, En), "0.00");
        assert_eq!(format_decimal(f64::NAN, 1, En), "–");
    }

    #[test]
    fn counts_percent_intervals_and_plain_numbers() {
        assert_eq!(format_count(0, Nl), "0");
        assert_eq!(format_count(999, Nl), "999");
        assert_eq!(format_count(1000, Nl), "1.000");
        assert_eq!(format_count(100_000, Nl), "100.000");
        assert_eq!(format_count(1_234_567, En), "1,234,567");
        assert_eq!(format_percent(0.125, 1, Nl), "12,5%");
        assert_eq!(format_percent(1.0 / 3.0, 0, En), "33%");
        assert_eq!(format_interval(7.06, 7.94, 1, Nl), "7,1 – 7,9");
        assert_eq!(format_interval(-0.31, 0.2, 1, En), "-0.3 – 0.2");
        assert_eq!(format_number(10.0, Nl), "10");
        assert_eq!(format_number(2.5, Nl), "2,5");
        assert_eq!(format_number(-0.25, En), "-0.25");
    }
}
