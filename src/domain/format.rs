//! Numbers as people read them: a decimal comma in Dutch (`7,5`) and a dot in English (`7.5`),
//! thousands grouped in counts, percentages, and intervals like `7,1 – 7,9`. Pure string
//! functions; what to show (and what suppression hides) is decided elsewhere.
//!
//! Rounding is half away from zero on the number *as written in shortest decimal form*: 7.45
//! becomes 7,5 and −7.45 becomes −7,5, as a person rounding by hand would do, even though the
//! binary double nearest to 7.45 lies a hair below it. A result that rounds to zero is shown
//! without a minus sign.

use super::lang::Lang;

/// `b − a` as the difference of the two figures as shown, each rounded to `decimals` first, so
/// that a table adds up for its reader: 2,8 and 2,6 differ by 0,2 whatever lies behind them
/// (2.75 and 2.64 differ by 0.11, which would read as "−0,1" beside "2,8" and "2,6").
///
/// ```
/// use samenscan::domain::format::shown_difference;
/// assert_eq!(shown_difference(2.75, 2.64, 1), -0.2);
/// ```
pub fn shown_difference(a: f64, b: f64, decimals: usize) -> f64 {
    // The figure as shown, in units of its last digit: whole numbers, so the difference is
    // exact, and no float parsing (core's tables for it are ~15 KB of the app).
    let units = |x: f64| {
        let written = format_decimal(x, decimals, Lang::En);
        let digits: String = written.chars().filter(char::is_ascii_digit).collect();
        let n = digits.parse::<i64>().unwrap_or(0);
        if written.starts_with('-') {
            -n
        } else {
            n
        }
    };
    let scale = (0..decimals).fold(1.0, |s, _| s * 10.0);
    (units(b) - units(a)) as f64 / scale
}

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
    // The shortest digits that read back as the same double, so rounding them is rounding
    // what people would see; then at most 15 significant digits, as a spreadsheet shows: a mean
    // of thirds that is exactly 2.65 sums to the double 2.6499999999999995, which is 2,7.
    let (int_part, frac_part) = shortest_digits(x.abs());
    let (int_part, frac_part) = significant(&int_part, &frac_part, SIGNIFICANT_DIGITS);
    let (int_part, frac_part) = (int_part.as_str(), frac_part.as_str());
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
        increment(&mut digits);
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

/// Adds one to the last of `digits` (each 0–9), carrying; true when the carry added a digit in
/// front (9,9 becomes 1,0,0).
fn increment(digits: &mut Vec<u8>) -> bool {
    for d in digits.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return false;
        }
    }
    digits.insert(0, 1);
    true
}

/// Digits beyond these are noise of binary arithmetic, not part of a figure (a double holds
/// 15 to 17 significant decimal digits; spreadsheets show 15).
const SIGNIFICANT_DIGITS: usize = 15;

/// `int.frac` rounded half away from zero to at most `keep` significant digits, e.g.
/// `("2", "6499999999999995")` to 15 gives `("2", "65")`.
fn significant(int: &str, frac: &str, keep: usize) -> (String, String) {
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    let mut point = int.len();
    let Some(lead) = digits.iter().position(|&d| d != 0) else {
        return (int.to_string(), frac.to_string());
    };
    let cut = lead + keep;
    if cut >= digits.len() {
        return (int.to_string(), frac.to_string());
    }
    let up = digits[cut] >= 5;
    digits.truncate(cut);
    if up && increment(&mut digits) {
        point += 1;
    }
    // Dropped digits of the integer part are zeros.
    digits.resize(digits.len().max(point), 0);
    let text = |ds: &[u8]| ds.iter().map(|d| char::from(b'0' + d)).collect::<String>();
    let int = text(&digits[..point]);
    let int = int.trim_start_matches('0');
    (
        if int.is_empty() { "0" } else { int }.to_string(),
        text(&digits[point..]).trim_end_matches('0').to_string(),
    )
}

/// The shortest decimal digits that read back as `x` (finite, not negative), without an
/// exponent: (integer part, fraction part), e.g. `("0", "000123")` for 1.23e-4.
///
/// `zmij` (already in the build through serde_json) writes them, with an exponent outside
/// 1e-5..1e16; core's float formatting would add its own code and tables to the wasm.
fn shortest_digits(x: f64) -> (String, String) {
    let mut buffer = zmij::Buffer::new();
    let written = buffer.format_finite(x);
    let (mantissa, exponent) = match written.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i64>().unwrap_or(0)),
        None => (written, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = int.chars().chain(frac.chars()).collect();
    // Where the decimal point falls in `digits`.
    let point = int.len() as i64 + exponent;
    let (int, frac) = if point <= 0 {
        (
            "0".to_string(),
            "0".repeat(point.unsigned_abs() as usize) + &digits,
        )
    } else if point as usize >= digits.len() {
        (
            digits.clone() + &"0".repeat(point as usize - digits.len()),
            String::new(),
        )
    } else {
        let (i, f) = digits.split_at(point as usize);
        (i.to_string(), f.to_string())
    };
    let int = int.trim_start_matches('0');
    (if int.is_empty() { "0" } else { int }.to_string(), frac)
}

/// `x` in the fewest digits that read back as it, with a dot and no grouping (`40`, `2.5`,
/// `-0.001`): for files other programs read, such as the CSV codebook.
pub fn format_plain(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let (int, frac) = shortest_digits(x.abs());
    let frac = frac.trim_end_matches('0');
    let sign = if x < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// 10⁰ to 10²², every power of ten a double holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Reads a number as people type it: an optional sign, digits, and at most one decimal comma or
/// dot (`3,5`, `12`, `-0.25`, `,5`); no thousands separators and no exponent. `None` for
/// anything else, and for a separator followed by exactly three digits after a whole part that
/// is not 0: "1.000" is a thousand to a Dutch reader and one to an English one ("1,000" the other
/// way round), so it is asked again rather than guessed (`0,125` and `12,50` read as written).
///
/// ```
/// use samenscan::domain::parse_decimal;
/// assert_eq!(parse_decimal(" 3,5 "), Some(3.5));
/// assert_eq!(parse_decimal("twaalf"), None);
/// assert_eq!(parse_decimal("1.000"), None);
/// assert_eq!(parse_decimal("0,125"), Some(0.125));
/// ```
pub fn parse_decimal(text: &str) -> Option<f64> {
    let text = text.trim();
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = match body.find([',', '.']) {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    if frac.len() == 3 && !int.trim_start_matches('0').is_empty() {
        return None;
    }
    let digits = int.trim_start_matches('0').len() + frac.len();
    let mantissa = int.bytes().chain(frac.bytes()).try_fold(0u64, |m, b| {
        m.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    });
    let magnitude = match mantissa {
        // Both the digits and the power of ten are exact doubles, and one division rounds
        // correctly: the double nearest to what was typed.
        Some(m) if m < (1 << 53) && frac.len() < EXACT_POWERS_OF_TEN.len() => {
            m as f64 / EXACT_POWERS_OF_TEN[frac.len()]
        }
        // Longer than a double holds (over 15 digits): serde_json's reading, within one unit in
        // the last place, and no extra float parser in the wasm.
        _ if digits <= 400 => serde_json::from_str::<f64>(&format!(
            "{}.{}",
            if int.is_empty() { "0" } else { int },
            if frac.is_empty() { "0" } else { frac }
        ))
        .ok()?,
        _ => return None,
    };
    let x = if negative { -magnitude } else { magnitude };
    x.is_finite().then_some(x)
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
    fn a_difference_is_that_of_the_figures_as_shown() {
        // 2.75 → 2,8 and 2.64 → 2,6: the reader sees 2,6 − 2,8 = −0,2, not −0,11 → −0,1.
        let d = shown_difference(2.75, 2.64, 1);
        assert_eq!(format_decimal(d, 1, Nl), "-0,2");
        assert_eq!(
            format_decimal(shown_difference(7.25, 7.34, 1), 1, En),
            "0.0"
        );
        assert_eq!(format_decimal(shown_difference(6.0, 8.0, 0), 0, Nl), "2");
    }

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
    fn noise_of_binary_arithmetic_beyond_15_digits_is_no_part_of_the_figure() {
        // The mean of ten factor scores (thirds and halves) that is exactly 53/20 = 2.65.
        let scores = [
            3.0,
            5.0 / 2.0,
            8.0 / 3.0,
            3.0,
            5.0 / 3.0,
            10.0 / 3.0,
            3.0 / 2.0,
            4.0,
            3.0 / 2.0,
            10.0 / 3.0,
        ];
        let mean = scores.iter().sum::<f64>() / 10.0;
        assert_ne!(mean, 2.65, "the sum is a hair below");
        assert_eq!(format_decimal(mean, 1, Nl), "2,7");
        assert_eq!(format_decimal(2.7499999999999996, 1, Nl), "2,8");
        assert_eq!(format_decimal(-2.6499999999999995, 1, Nl), "-2,7");
        assert_eq!(format_decimal(9.9999999999999995, 1, Nl), "10,0");
        assert_eq!(format_decimal(99.99999999999997, 0, En), "100");
        // A figure that really lies below the half stays below it.
        assert_eq!(format_decimal(2.6499999, 1, Nl), "2,6");
        assert_eq!(format_decimal(2.64999999999999, 1, Nl), "2,6");
        assert_eq!(
            format_decimal(0.000_012_345_678_901_234_56, 6, En),
            "0.000012"
        );
        assert_eq!(
            format_decimal(123_456_789_012_345_680.0, 0, En),
            "123456789012346000"
        );
        assert_eq!(format_decimal(0.0, 2, En), "0.00");
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

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(parse_decimal("3,5"), Some(3.5));
        assert_eq!(parse_decimal(" 12 "), Some(12.0));
        assert_eq!(parse_decimal("12.5"), Some(12.5));
        assert_eq!(parse_decimal("-0,25"), Some(-0.25));
        assert_eq!(parse_decimal("+7"), Some(7.0));
        assert_eq!(parse_decimal(",5"), Some(0.5));
        assert_eq!(parse_decimal("5,"), Some(5.0));
        assert_eq!(parse_decimal("007"), Some(7.0));
        assert_eq!(parse_decimal("0.1"), Some(0.1));
        for refused in [
            "", " ", "-", ",", "twaalf", "inf", "NaN", "1e3", "1,5,0", "1 000", "--1", "3,5a", "٣",
        ] {
            assert_eq!(parse_decimal(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn long_numbers_read_as_the_nearest_double_or_within_one_unit() {
        for text in [
            "123456789012345678",
            "0.1234567890123456789",
            "9007199254740993",
            "1.00000000000000000000000001",
        ] {
            let ours = parse_decimal(text).unwrap();
            let exact: f64 = text.parse().unwrap();
            assert!(
                (ours.to_bits() as i64 - exact.to_bits() as i64).abs() <= 1,
                "{text}: {ours} vs {exact}"
            );
        }
        assert_eq!(parse_decimal(&"9".repeat(400)), None, "beyond any double");
    }

    #[test]
    fn plain_numbers_for_other_programs() {
        assert_eq!(format_plain(40.0), "40");
        assert_eq!(format_plain(2.5), "2.5");
        assert_eq!(format_plain(-0.001), "-0.001");
        assert_eq!(format_plain(0.0), "0");
        assert_eq!(format_plain(1e21), "1000000000000000000000");
    }

    #[test]
    fn shortest_digits_without_exponent() {
        assert_eq!(shortest_digits(0.0), ("0".into(), "0".into()));
        assert_eq!(shortest_digits(7.45), ("7".into(), "45".into()));
        assert_eq!(shortest_digits(1.23e-4), ("0".into(), "000123".into()));
        assert_eq!(shortest_digits(1e-7), ("0".into(), "0000001".into()));
        assert_eq!(
            shortest_digits(1.5e20),
            ("150000000000000000000".into(), "".into())
        );
        assert_eq!(shortest_digits(123456.0).0, "123456");
    }

    proptest::proptest! {
        /// Whatever a person types with up to 15 digits reads as exactly the double Rust's own
        /// parser gives.
        #[test]
        fn typed_numbers_read_exactly(int in 0u64..1_000_000_000, frac in "[0-9]{0,6}", negative: bool, comma: bool) {
            let sep = if comma { "," } else { "." };
            let text = format!("{}{int}{sep}{frac}", if negative { "-" } else { "" });
            let expected: f64 = text.replace(',', ".").parse().unwrap();
            // Three decimals after a whole number could be a thousands separator: not guessed.
            let ambiguous = frac.len() == 3 && int > 0;
            proptest::prop_assert_eq!(parse_decimal(&text), (!ambiguous).then_some(expected));
        }

        /// The digits read back as the same double and are as few as Display's. (When two
        /// equally short strings both read back, at 16-17 digits, zmij and Display may pick
        /// different last digits, e.g. …861.0312 and …861.0313; only the last digit differs, so
        /// rounding to the few decimals a report shows is not affected.)
        #[test]
        fn shortest_digits_read_back(x in 0.0f64..1e12) {
            let (int, frac) = shortest_digits(x);
            let written = format!("{int}.{frac}");
            proptest::prop_assert_eq!(written.parse::<f64>().unwrap(), x);
            let ours = written.trim_end_matches('0').trim_end_matches('.');
            let display = format!("{x}");
            proptest::prop_assert_eq!(ours.len(), display.len(), "{} vs {}", ours, display);
        }
    }
}
