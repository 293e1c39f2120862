//! Whether the room can reach the page: a page opened at a loopback name
//! or address (`localhost`, `127.0.0.1`, `[::1]`) makes a share link and
//! QR code that only this computer can open, so the QR panel says so.
//!
//! Not for: finding the computer's network address (the server prints it).

/// Whether a page whose `location.hostname` is `host` cannot be opened
/// from another device: a loopback name or address, or the unspecified
/// address (`0.0.0.0`, which a browser opens as this computer).
///
/// `host` is in the form the browser's URL parser gives (IPv4 as four
/// decimal numbers, IPv6 compressed in brackets: `127.1` and
/// `[0:0:0:0:0:0:0:1]` come as `127.0.0.1` and `[::1]`), so comparing text
/// is enough and spares the app an address parser.
pub fn is_local_only(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let loopback_v4 =
        host.starts_with("127.") && host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    host == "localhost"
        || host.ends_with(".localhost")
        || loopback_v4
        || matches!(host.as_str(), "0.0.0.0" | "[::1]" | "[::]")
}

#[cfg(test)]
mod tests {
    use super::is_local_only;

    #[test]
    fn loopback_names_and_addresses_are_local_only() {
        for host in [
            "localhost",
            "LocalHost",
            "localhost.",
            "app.localhost",
            "127.0.0.1",
            "127.1.2.3",
            "[::1]",
            "0.0.0.0",
            "[::]",
        ] {
            assert!(is_local_only(host), "{host}");
        }
    }

    #[test]
    fn network_names_and_addresses_are_reachable() {
        for host in [
            "192.168.1.20",
            "10.0.0.5",
            "[fe80::1]",
            "[2001:db8::1]",
            "planner.example.org",
            "localhost.example.org",
            "mylocalhost",
            "128.0.0.1",
            "127.example.org",
            "127.0.0.1.example.org",
            "[::2]",
            "",
            "[::1",
        ] {
            assert!(!is_local_only(host), "{host}");
        }
    }
}
