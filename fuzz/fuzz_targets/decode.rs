//! Arbitrary bytes into the exchange-file reader: `decode` must return a value or a
//! `FileProblem`, never panic, overflow the stack or hang; a decoded export goes on through
//! record validation and a merge, and what survives must itself encode and read back.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use samenscan::domain::exchange::{decode, encode_export, validate, Decoded};
use samenscan::domain::merge::{merge_into, Dataset};
use samenscan::domain::Lang;

/// Small enough that the fuzzer spends its time on structure, not on size.
const MAX_BYTES: usize = 1 << 20;

fuzz_target!(|data: &[u8]| {
    match decode(data, MAX_BYTES) {
        Err(problem) => {
            let _ = problem.message(Lang::Nl);
            let _ = problem.message(Lang::En);
        }
        Ok(Decoded::Encrypted(envelope)) => {
            assert!(envelope.ciphertext.len() >= 16);
        }
        Ok(Decoded::Export(raw)) => {
            let file = validate(raw, &BTreeMap::new());
            for skipped in &file.skipped {
                let _ = skipped.message(Lang::Nl);
            }
            let mut data = Dataset::new();
            let first = merge_into(&mut data, file.contents.clone());
            assert_eq!(first.responses.new, file.contents.responses.len());
            // What was accepted encodes, and reads back to the same records.
            let text = encode_export(&file.contents, "fuzz", "2026-01-01T00:00:00Z");
            match decode(text.as_bytes(), usize::MAX) {
                Ok(Decoded::Export(again)) => {
                    let again = validate(again, &BTreeMap::new());
                    assert!(again.skipped.is_empty());
                    assert_eq!(
                        again.contents.responses.len(),
                        file.contents.responses.len()
                    );
                }
                other => panic!("re-reading our own export failed: {other:?}"),
            }
        }
    }
});
