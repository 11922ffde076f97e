//! The Rust side of `bindings/bench/ffi_overhead.sh`: writes the render request of the
//! 1,000-finding audit report (the dossier of `qms sample --checklist-items 100 --findings 1000`),
//! and times rendering it by calling the Rust library directly (`qms_api::call`) and through the
//! C ABI entry (`qms_call`) from Rust, alternating.
//!
//! ```sh
//! cargo run --release -p qms-ffi --example ffi_bench -- request /tmp/render.json 1000
//! cargo run --release -p qms-ffi --example ffi_bench -- direct /tmp/render.json 51   # and qms_call
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use qms_core::sample::{SampleSpec, sample_dossier};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = (args[1].as_str(), &args[2]);
    match mode {
        "request" => {
            let findings = args.get(3).map_or(1000, |n| n.parse().expect("findings"));
            let spec = SampleSpec {
                checklist_items: 100,
                findings,
                seed: 42,
                agency: 0,
            };
            let request = serde_json::json!({
                "op": "render", "kind": "report", "format": "docx", "audit": "a0000",
                "today": "2026-03-20", "dossier": sample_dossier(&spec),
            });
            std::fs::write(path, serde_json::to_vec(&request).unwrap()).unwrap();
        }
        "direct" => {
            // Direct and through qms_call, alternating call by call, so that the load of a
            // shared machine falls on both alike.
            let request = std::fs::read(path).unwrap();
            let runs: usize = args.get(3).map_or(51, |n| n.parse().expect("runs"));
            let (mut direct, mut abi) = (Vec::new(), Vec::new());
            let mut size = 0;
            for _ in 0..runs {
                let t = Instant::now();
                let r = qms_api::call(&request, &[]);
                assert_eq!(r.status, qms_api::Status::Ok);
                size = r.into_body().len();
                direct.push(t.elapsed().as_secs_f64() * 1000.0);
                let t = Instant::now();
                assert_eq!(abi_call(&request), size);
                abi.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            for (name, mut times) in [("rust-direct", direct), ("rust-qms_call", abi)] {
                times.sort_by(f64::total_cmp);
                println!(
                    "{name} {:.3} ms median of {runs} runs, {size} bytes",
                    times[runs / 2]
                );
            }
            // The fixed cost of one round trip: a tiny request, many times, alternating.
            let tiny = br#"{"op":"correlate","clause":"8.2.2"}"#;
            let (mut direct, mut abi) = (Vec::new(), Vec::new());
            for _ in 0..2001 {
                let t = Instant::now();
                drop(qms_api::call(tiny, &[]).into_body());
                direct.push(t.elapsed().as_secs_f64() * 1e6);
                let t = Instant::now();
                abi_call(tiny);
                abi.push(t.elapsed().as_secs_f64() * 1e6);
            }
            for (name, mut times) in [("tiny-rust-direct", direct), ("tiny-rust-qms_call", abi)] {
                times.sort_by(f64::total_cmp);
                println!("{name} {:.3} us median of 2001 calls", times[1000]);
            }
        }
        other => panic!("unknown mode {other}"),
    }
}

fn abi_call(request: &[u8]) -> usize {
    let mut out = qms::QmsBuffer {
        data: std::ptr::null_mut(),
        len: 0,
    };
    // SAFETY: request outlives the call; out is a live QmsBuffer, freed once below.
    let status = unsafe {
        qms::qms_call(
            request.as_ptr(),
            request.len(),
            std::ptr::null(),
            0,
            &mut out,
        )
    };
    assert_eq!(status, qms::QMS_OK);
    let len = out.len;
    // SAFETY: filled by qms_call, freed once.
    unsafe { qms::qms_buffer_free(&mut out) };
    len
}
