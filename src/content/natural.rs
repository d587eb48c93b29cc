//! Natural ordering of file names: 张三2 before 张三10.

use std::cmp::Ordering;

/// Compares two strings so that runs of digits compare by their numeric value.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (num_a, rest_a) = split_digits(a);
                let (num_b, rest_b) = split_digits(b);
                let by_value = num_a
                    .trim_start_matches('0')
                    .len()
                    .cmp(&num_b.trim_start_matches('0').len())
                    .then_with(|| {
                        num_a
                            .trim_start_matches('0')
                            .cmp(num_b.trim_start_matches('0'))
                    })
                    .then_with(|| num_a.len().cmp(&num_b.len()));
                if by_value != Ordering::Equal {
                    return by_value;
                }
                (a, b) = (rest_a, rest_b);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sort_by_value() {
        let mut names = vec![
            "张三10.jpg",
            "张三2.jpg",
            "张三1.jpg",
            "张三0.jpg",
            "张三01.jpg",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "张三0.jpg",
                "张三1.jpg",
                "张三01.jpg",
                "张三2.jpg",
                "张三10.jpg"
            ]
        );
    }

    #[test]
    fn text_compares_by_character() {
        assert_eq!(natural_cmp("a", "b"), Ordering::Less);
        assert_eq!(natural_cmp("ab", "a"), Ordering::Greater);
        assert_eq!(natural_cmp("x9y", "x9y"), Ordering::Equal);
    }
}
