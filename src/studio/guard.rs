//! Who may talk to the studio. A local editing server is reachable by every page the editor's
//! browser opens, so each request must prove it comes from the studio's own page:
//!
//! - the session's secret, from the printed address, then from a cookie (HttpOnly,
//!   SameSite=Strict, named after the port) or the `X-Laurel-Key` header;
//! - a `Host` of `127.0.0.1:PORT` or `localhost:PORT`, so that a foreign name pointed at
//!   127.0.0.1 (DNS rebinding) gets nothing;
//! - for writes (anything but GET and HEAD), a same-origin `Origin` (or, without one,
//!   `Sec-Fetch-Site: same-origin`) and the secret in the header, which a form post or a
//!   cross-site `fetch` cannot send.
//!
//! The rules are a pure function of the request's headers ([`admit`]), tested as a table.

/// The session's secret: 32 hex digits from the operating system's randomness.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// A fresh secret; fails only when the system has no randomness to give.
    pub fn random() -> std::io::Result<Secret> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
        Ok(Secret(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    /// The secret as text (for the printed address and the page's header value).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `given` is the secret, compared in time independent of where they differ.
    pub fn matches(&self, given: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), given.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// The header that carries the secret on the studio's own requests.
pub const KEY_HEADER: &str = "X-Laurel-Key";

/// The cookie that carries the secret, named after the port so that two studios on one
/// machine keep their own.
pub fn cookie_name(port: u16) -> String {
    format!("laurel_studio_{port}")
}

/// What the guard reads of a request.
#[derive(Debug, Default, Clone, Copy)]
pub struct Facts<'a> {
    /// `GET`, `POST` …
    pub method: &'a str,
    /// The `Host` header.
    pub host: Option<&'a str>,
    /// The `Origin` header.
    pub origin: Option<&'a str>,
    /// The `Sec-Fetch-Site` header.
    pub fetch_site: Option<&'a str>,
    /// The `Cookie` header.
    pub cookie: Option<&'a str>,
    /// The `X-Laurel-Key` header.
    pub key_header: Option<&'a str>,
    /// The query's `key=` value.
    pub key_query: Option<&'a str>,
}

/// A request let in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The secret came in the address (a GET): set the cookie and send the browser to the same
    /// address without it, so that it leaves the address bar and the history.
    Enter,
    /// Carry on.
    Granted,
}

/// Why a request was refused (each answered with 403 and no data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The `Host` is not the studio's loopback address and port.
    ForeignHost,
    /// No secret, or a wrong one.
    NoSecret,
    /// A write from another origin, or without a same-origin sign.
    CrossSite,
    /// A write without the secret in its header.
    WriteWithoutKey,
}

/// Decides whether a request may go on, for the studio on `port` with `secret`.
pub fn admit(facts: &Facts, port: u16, secret: &Secret) -> Result<Access, Refusal> {
    if !facts.host.is_some_and(|host| is_own_host(host, port)) {
        return Err(Refusal::ForeignHost);
    }
    let read = matches!(facts.method, "GET" | "HEAD");
    if !read {
        let same_origin = match facts.origin {
            Some(origin) => origin
                .strip_prefix("http://")
                .is_some_and(|host| is_own_host(host, port)),
            None => facts.fetch_site == Some("same-origin"),
        };
        if !same_origin {
            return Err(Refusal::CrossSite);
        }
        return match facts.key_header.is_some_and(|k| secret.matches(k)) {
            true => Ok(Access::Granted),
            false => Err(Refusal::WriteWithoutKey),
        };
    }
    if facts.key_query.is_some_and(|k| secret.matches(k)) {
        return Ok(Access::Enter);
    }
    let cookie = facts
        .cookie
        .and_then(|c| cookie_value(c, &cookie_name(port)));
    match cookie
        .or(facts.key_header)
        .is_some_and(|k| secret.matches(k))
    {
        true => Ok(Access::Granted),
        false => Err(Refusal::NoSecret),
    }
}

/// Whether `host` (a `Host` header or an origin's host) is the studio's own.
fn is_own_host(host: &str, port: u16) -> bool {
    host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
}

/// The value of cookie `name` in a `Cookie` header.
fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then_some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORT: u16 = 4321;

    fn secret() -> Secret {
        Secret("0123456789abcdef0123456789abcdef".into())
    }

    fn get<'a>() -> Facts<'a> {
        Facts {
            method: "GET",
            host: Some("127.0.0.1:4321"),
            cookie: Some("other=1; laurel_studio_4321=0123456789abcdef0123456789abcdef"),
            ..Facts::default()
        }
    }

    fn post<'a>() -> Facts<'a> {
        Facts {
            method: "POST",
            origin: Some("http://127.0.0.1:4321"),
            key_header: Some("0123456789abcdef0123456789abcdef"),
            ..get()
        }
    }

    #[test]
    fn each_rule_lets_in_or_refuses_as_it_says() {
        let wrong = "0123456789abcdef0123456789abcdee";
        let right = secret();
        let table: Vec<(&str, Facts, Result<Access, Refusal>)> = vec![
            ("cookie", get(), Ok(Access::Granted)),
            (
                "localhost",
                Facts {
                    host: Some("localhost:4321"),
                    ..get()
                },
                Ok(Access::Granted),
            ),
            (
                "key in the address",
                Facts {
                    cookie: None,
                    key_query: Some(right.as_str()),
                    ..get()
                },
                Ok(Access::Enter),
            ),
            (
                "no secret",
                Facts {
                    cookie: None,
                    ..get()
                },
                Err(Refusal::NoSecret),
            ),
            (
                "wrong key",
                Facts {
                    cookie: None,
                    key_query: Some(wrong),
                    ..get()
                },
                Err(Refusal::NoSecret),
            ),
            (
                "another port's cookie",
                Facts {
                    cookie: Some("laurel_studio_9999=0123456789abcdef0123456789abcdef"),
                    ..get()
                },
                Err(Refusal::NoSecret),
            ),
            (
                "rebinding",
                Facts {
                    host: Some("evil.example:4321"),
                    ..get()
                },
                Err(Refusal::ForeignHost),
            ),
            (
                "other port",
                Facts {
                    host: Some("127.0.0.1:80"),
                    ..get()
                },
                Err(Refusal::ForeignHost),
            ),
            (
                "no host",
                Facts {
                    host: None,
                    ..get()
                },
                Err(Refusal::ForeignHost),
            ),
            ("write", post(), Ok(Access::Granted)),
            (
                "write, fetch metadata",
                Facts {
                    origin: None,
                    fetch_site: Some("same-origin"),
                    ..post()
                },
                Ok(Access::Granted),
            ),
            (
                "write from elsewhere",
                Facts {
                    origin: Some("http://evil.example"),
                    ..post()
                },
                Err(Refusal::CrossSite),
            ),
            (
                "write, no origin",
                Facts {
                    origin: None,
                    fetch_site: Some("cross-site"),
                    ..post()
                },
                Err(Refusal::CrossSite),
            ),
            (
                "write with the cookie only",
                Facts {
                    key_header: None,
                    ..post()
                },
                Err(Refusal::WriteWithoutKey),
            ),
            (
                "write, key in the address",
                Facts {
                    key_header: None,
                    key_query: Some(right.as_str()),
                    ..post()
                },
                Err(Refusal::WriteWithoutKey),
            ),
        ];
        for (case, facts, expected) in table {
            assert_eq!(admit(&facts, PORT, &secret()), expected, "{case}");
        }
    }

    #[test]
    fn secrets_are_random_and_long() {
        let (a, b) = (Secret::random().unwrap(), Secret::random().unwrap());
        assert_eq!(a.as_str().len(), 32);
        assert!(a.as_str() != b.as_str());
        assert!(a.matches(a.as_str()) && !a.matches(b.as_str()) && !a.matches(""));
    }
}
