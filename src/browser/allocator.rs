//! The global allocator on wasm32: Talc, with a memory source that grows the wasm memory
//! geometrically.
//!
//! Talc's own wasm source grows the memory by just enough for the allocation that did not fit
//! (one 64 KiB page for a small one). When the heap has no gap left that is big enough, Talc
//! scans the list of slightly smaller gaps once before asking the source for more. After an
//! import has freed millions of small blocks those lists are long, and with one-page growth the
//! scan came back every 64 KiB: building the report for 100,000 responses spent ~0.5 s of its
//! ~1.3 s in that scan. Growing by an eighth of the memory (at least 1 MiB) makes the scans
//! rare. Pages grown but not yet used are never touched, so they cost no physical memory.

use core::alloc::Layout;
use core::ptr::NonNull;
use talc::base::{binning::Binning, Talc, CHUNK_UNIT};
use talc::cell::TalcSyncCell;
use talc::source::Source;
use talc::wasm::WasmBinning;

/// The wasm page size.
const PAGE: usize = 64 * 1024;
/// The least growth, in pages (1 MiB).
const MIN_GROWTH_PAGES: usize = 16;

/// Grows the wasm memory and extends Talc's heap over it (or claims a new heap when something
/// else grew the memory in between).
#[derive(Debug)]
pub struct GeometricGrowth {
    end: Option<NonNull<u8>>,
}

// SAFETY: `acquire` touches only the memory it has just grown (handing it to `talc` through
// `claim`/`extend`, as Talc's own wasm sources do) and never allocates.
unsafe impl Source for GeometricGrowth {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        // Enough for the allocation with Talc's overhead and alignment padding, however large.
        let needed = layout.size() + layout.align().max(CHUNK_UNIT) + 4 * CHUNK_UNIT;
        let needed_pages = needed.div_ceil(PAGE);
        let current_pages = core::arch::wasm32::memory_size::<0>();
        let pages = needed_pages.max(current_pages / 8).max(MIN_GROWTH_PAGES);
        // Near the 4 GiB limit the geometric step may not fit where the needed one does.
        let (previous, pages) = match core::arch::wasm32::memory_grow::<0>(pages) {
            usize::MAX => match core::arch::wasm32::memory_grow::<0>(needed_pages) {
                usize::MAX => return Err(()),
                previous => (previous, needed_pages),
            },
            previous => (previous, pages),
        };
        let base = (previous * PAGE) as *mut u8;
        // At the 4 GiB limit `base + bytes` would be 2^32, one past the address space: the top
        // byte is given up instead, as Talc's own source does.
        let bytes = (pages * PAGE).min(usize::MAX - base as usize);
        // SAFETY: `[base, base + bytes)` was just added to the wasm memory and belongs to no one.
        unsafe {
            let end = base.add(bytes);
            if let Some(old_end) = talc.source.end.take() {
                if old_end.as_ptr() == base {
                    talc.source.end = Some(talc.extend(old_end, end));
                    return Ok(());
                }
            }
            talc.source.end = talc.claim(base, bytes);
        }
        Ok(())
    }
}

/// The allocator the app uses on wasm32 (single-threaded: no atomics in this build).
pub type Allocator = TalcSyncCell<GeometricGrowth, WasmBinning>;

/// A new [`Allocator`], for the `#[global_allocator]` static.
pub const fn new() -> Allocator {
    TalcSyncCell::new_wasm(GeometricGrowth { end: None })
}
