//! The app's one keyed list: Leptos's `<For>`, type-erased. `<For>` is generic over its items,
//! keys and closures, so every use was its own copy of the keyed diffing code (about 9 KB of
//! wasm each); here the items travel as `Box<dyn Any>` under one key type, so there is one copy
//! whatever is listed. A list's rows are few (a device's own records, a batch of files, the
//! findings of an export), so the boxing costs nothing that shows.

use std::any::Any;
use std::sync::Arc;

use leptos::prelude::*;

/// A row's key: some text and a number (a record's id and revision, a field's name, a row's
/// position). Two rows with the same key are the same row.
pub type ListKey = (String, u64);

type Row = (ListKey, Box<dyn Any + Send>);
type Rows = Arc<dyn Fn() -> Vec<Row> + Send + Sync>;
type Draw = Arc<dyn Fn(Box<dyn Any + Send>) -> AnyView + Send + Sync>;

/// A keyed list of `each()`'s items, drawn by `row`, as `<For each key children />`: rows
/// whose key stays are kept as they are, new ones drawn, gone ones removed.
pub fn keyed_list<T: Send + 'static>(
    each: impl Fn() -> Vec<T> + Send + Sync + 'static,
    key: fn(&T) -> ListKey,
    row: impl Fn(T) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    erased(
        Arc::new(move || {
            each()
                .into_iter()
                .map(|item| (key(&item), Box::new(item) as Box<dyn Any + Send>))
                .collect()
        }),
        Arc::new(
            move |item: Box<dyn Any + Send>| match item.downcast::<T>() {
                Ok(item) => row(*item),
                // Only `keyed_list` puts items in, each as the `T` its `row` takes.
                Err(_) => ().into_any(),
            },
        ),
    )
}

fn erased(each: Rows, draw: Draw) -> AnyView {
    view! {
        <For
            each=move || each()
            key=|(key, _): &Row| key.clone()
            children=move |(_, item): Row| draw(item)
        />
    }
    .into_any()
}
