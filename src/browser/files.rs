//! Files leave the app only when a person saves them: a text file offered as a download. Files
//! come in only when a person picks or drops them: read here as bytes.

use std::future::Future;
use std::pin::Pin;

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file named `name` (the browser's download: the person chooses where it
/// goes, or it lands in their downloads folder). Returns false when the browser refused.
pub fn save_text_file(name: &str, text: &str, mime: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let saved = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    // The download has started from the click; the URL is not needed after this task.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    saved
}

/// `text` as a file named `name` that never touches the disk: what the import takes in when
/// a person adds this device's own records (the same path as a picked file). `None` when the
/// browser refused.
pub fn text_as_file(text: &str, name: &str) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    web_sys::File::new_with_str_sequence(&parts, name).ok()
}

/// The files of a file list (a picker's selection or a drop), in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Why a picked file was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadProblem {
    /// Larger than the limit (its size in bytes): refused before reading.
    TooLarge(f64),
    /// The browser could not read it (its words: a file removed or changed since it was picked,
    /// or unreadable).
    Unreadable(String),
    /// Not read in this batch, which holds enough bytes already: ask again in the next.
    Later,
}

/// A file being read.
pub type Reading = Pin<Box<dyn Future<Output = Result<Vec<u8>, ReadProblem>>>>;

/// Starts reading a batch of picked files. A file over `limit` bytes is refused unread. The
/// files are taken in order while their sizes add up to at most `budget` (the first always);
/// the rest answer [`ReadProblem::Later`], so a batch never holds much more than `budget` bytes.
///
/// The reading is done by a dedicated worker (`static/reader.js`) when the browser can start
/// one: the bytes arrive off the page's thread, and the page checks one batch while the worker
/// reads the next. (Handing a file to the worker still costs the page one round trip to the
/// operating system for its size and date, as asking its size here did: about 0.3 ms a file.)
/// Without the worker (it could not start, or stopped) the files are read here, the same way.
pub fn read_batch(files: &[web_sys::File], limit: f64, budget: f64) -> Vec<Reading> {
    if let Some(readings) = reader::read(files, limit, budget) {
        return readings;
    }
    let mut total = 0.0;
    files
        .iter()
        .map(|file| -> Reading {
            if total > 0.0 && total >= budget {
                return Box::pin(std::future::ready(Err(ReadProblem::Later)));
            }
            let size = file.size();
            if size > limit {
                return Box::pin(std::future::ready(Err(ReadProblem::TooLarge(size))));
            }
            if total > 0.0 && total + size > budget {
                total = budget;
                return Box::pin(std::future::ready(Err(ReadProblem::Later)));
            }
            total += size;
            let reading = read_bytes(file);
            Box::pin(async move { reading.await.map_err(ReadProblem::Unreadable) })
        })
        .collect()
}

/// Lets the reader worker go once everything picked has been read (see [`read_batch`]).
pub fn release_reader() {
    reader::release();
}

/// The reader worker: started at the first batch, answering each file by a key.
mod reader {
    use super::{ReadProblem, Reading};
    use futures_channel::oneshot;
    use std::cell::RefCell;
    use std::collections::BTreeMap;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    type Answer = oneshot::Sender<Result<Vec<u8>, ReadProblem>>;

    struct Reader {
        worker: web_sys::Worker,
        next_key: u64,
        /// The files asked for and not answered yet.
        pending: BTreeMap<u64, Answer>,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::Event)>,
    }

    enum State {
        NotStarted,
        Running(Reader),
        /// Could not start, or stopped: files are read on the page.
        Unavailable,
    }

    thread_local! {
        static READER: RefCell<State> = const { RefCell::new(State::NotStarted) };
    }

    fn field(data: &JsValue, name: &str) -> JsValue {
        js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    fn on_message(event: web_sys::MessageEvent) {
        let data = event.data();
        let Some(key) = field(&data, "key").as_f64() else {
            return;
        };
        let answer = READER.with_borrow_mut(|state| match state {
            State::Running(reader) => reader.pending.remove(&(key as u64)),
            _ => None,
        });
        let Some(answer) = answer else {
            return;
        };
        let bytes = field(&data, "bytes");
        let result = if bytes.is_instance_of::<js_sys::ArrayBuffer>() {
            Ok(js_sys::Uint8Array::new(&bytes).to_vec())
        } else if let Some(size) = field(&data, "tooLarge").as_f64() {
            Err(ReadProblem::TooLarge(size))
        } else if field(&data, "later").is_truthy() {
            Err(ReadProblem::Later)
        } else {
            Err(ReadProblem::Unreadable(
                field(&data, "error")
                    .as_string()
                    .unwrap_or_else(|| "the file could not be read".into()),
            ))
        };
        let _ = answer.send(result);
    }

    /// The worker stopped (its script could not load, or it failed), or a message could not
    /// be read: everything it still owed is asked again, in order, by the batches that follow,
    /// which are then read on the page (with the same limits).
    fn on_error(event: web_sys::Event) {
        event.prevent_default();
        let pending =
            READER.with_borrow_mut(|state| match std::mem::replace(state, State::Unavailable) {
                State::Running(reader) => {
                    reader.stop();
                    reader.pending
                }
                _ => BTreeMap::new(),
            });
        for answer in pending.into_values() {
            let _ = answer.send(Err(ReadProblem::Later));
        }
    }

    impl Reader {
        /// Ends the worker; its handlers are taken off first, so nothing calls them once they
        /// are dropped.
        fn stop(&self) {
            self.worker.set_onmessage(None);
            self.worker.set_onerror(None);
            self.worker.set_onmessageerror(None);
            self.worker.terminate();
        }
    }

    fn start() -> State {
        let Ok(worker) = web_sys::Worker::new("reader.js") else {
            return State::Unavailable;
        };
        let on_message_closure = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
        let on_error_closure = Closure::<dyn FnMut(web_sys::Event)>::new(on_error);
        worker.set_onmessage(Some(on_message_closure.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error_closure.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error_closure.as_ref().unchecked_ref()));
        State::Running(Reader {
            worker,
            next_key: 0,
            pending: BTreeMap::new(),
            _on_message: on_message_closure,
            _on_error: on_error_closure,
        })
    }

    /// Stops the worker when it owes nothing (it holds a few megabytes while it lives); the
    /// next batch starts a new one.
    pub(super) fn release() {
        READER.with_borrow_mut(|state| {
            if let State::Running(reader) = state {
                if reader.pending.is_empty() {
                    reader.stop();
                    *state = State::NotStarted;
                }
            }
        });
    }

    /// Asks the worker to read `files`; `None` when there is no worker to ask.
    pub(super) fn read(files: &[web_sys::File], limit: f64, budget: f64) -> Option<Vec<Reading>> {
        READER.with_borrow_mut(|state| {
            if matches!(state, State::NotStarted) {
                *state = start();
            }
            let State::Running(reader) = state else {
                return None;
            };
            let first = reader.next_key;
            let list = js_sys::Array::new();
            for file in files {
                list.push(file);
            }
            let message = js_sys::Object::new();
            for (name, value) in [
                ("first", JsValue::from_f64(first as f64)),
                ("limit", JsValue::from_f64(limit)),
                ("budget", JsValue::from_f64(budget)),
                ("files", list.into()),
            ] {
                js_sys::Reflect::set(&message, &JsValue::from_str(name), &value).ok()?;
            }
            reader.worker.post_message(&message).ok()?;
            reader.next_key += files.len() as u64;
            Some(
                (first..reader.next_key)
                    .map(|key| -> Reading {
                        let (answer, answered) = oneshot::channel();
                        reader.pending.insert(key, answer);
                        // Every answer is sent (by the worker, or as `Later` when it stops);
                        // one dropped unsent is asked again too.
                        Box::pin(async move { answered.await.unwrap_or(Err(ReadProblem::Later)) })
                    })
                    .collect(),
            )
        })
    }
}

/// The whole content of a picked or dropped file. The error is the browser's words (a file
/// removed or changed since it was picked, or unreadable). Reading starts at the call, so several
/// files can be read at once and awaited one by one.
pub fn read_bytes(
    file: &web_sys::File,
) -> impl std::future::Future<Output = Result<Vec<u8>, String>> + 'static {
    let reading = wasm_bindgen_futures::JsFuture::from(file.array_buffer());
    async move {
        let buffer = reading.await.map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.dyn_ref::<web_sys::DomException>().map(|e| e.message()))
                .unwrap_or_else(|| format!("{e:?}"))
        })?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}
