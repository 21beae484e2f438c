//! Entry point: mount the app; nothing else.
fn main() {
    samenscan::ui::start();
}
