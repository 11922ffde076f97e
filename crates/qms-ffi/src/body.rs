//! The one buffer a call hands out: built from a `Vec<u8>`, reclaimed by `qms_buffer_free`.

use crate::QmsBuffer;

/// Moves `body` into a library-owned buffer (a leaked boxed slice: its length is its capacity,
/// so `data` and `len` are all `qms_buffer_free` needs to give it back).
pub(crate) fn into_buffer(body: Vec<u8>) -> QmsBuffer {
    if body.is_empty() {
        return QmsBuffer {
            data: std::ptr::null_mut(),
            len: 0,
        };
    }
    let boxed = body.into_boxed_slice();
    let len = boxed.len();
    QmsBuffer {
        data: Box::into_raw(boxed).cast::<u8>(),
        len,
    }
}

/// Takes back a buffer made by [`into_buffer`].
///
/// # Safety
/// `data` and `len` must come from one [`into_buffer`] call, with `data` not NULL, and must not
/// have been reclaimed before.
pub(crate) unsafe fn reclaim(data: *mut u8, len: usize) -> Box<[u8]> {
    // SAFETY: per the contract above, this is the pointer and length of a leaked `Box<[u8]>`.
    unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(data, len)) }
}

/// The status and error JSON `{"code", "message", "path"}` of an error found at the boundary
/// (before or around `qms_api::call`).
pub(crate) fn error_body(status: i32, code: &str, message: &str, path: &str) -> (i32, Vec<u8>) {
    let json = serde_json::json!({ "code": code, "message": message, "path": path });
    // invariant: a json! value of strings always serialises.
    (status, serde_json::to_vec(&json).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_round_trips_through_a_buffer() {
        let b = into_buffer(b"PK\x03\x04 and a NUL \0 inside".to_vec());
        assert!(!b.data.is_null());
        // SAFETY: b was just made by into_buffer and is reclaimed once.
        let back = unsafe { reclaim(b.data, b.len) };
        assert_eq!(&*back, b"PK\x03\x04 and a NUL \0 inside");
        assert!(into_buffer(Vec::new()).data.is_null());
    }

    #[test]
    fn error_bodies_are_json_with_the_three_members() {
        let (status, body) = error_body(7, "null-argument", "a \"quoted\" word", "request");
        assert_eq!(status, 7);
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
        assert_eq!(v["code"], "null-argument");
        assert_eq!(v["message"], "a \"quoted\" word");
        assert_eq!(v["path"], "request");
    }
}
