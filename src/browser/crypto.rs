//! Passphrase encryption with WebCrypto, as design §3 prescribes for encrypted exports:
//! PBKDF2-SHA256 derives an AES-256-GCM key from the passphrase and a random salt; AES-GCM
//! encrypts with a random 96-bit IV and authenticates, so a wrong passphrase is an error, never
//! garbage. Nothing here chooses the file format: `domain::exchange` wraps the result.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Bytes of random salt for PBKDF2.
pub const SALT_BYTES: usize = 16;
/// Bytes of the AES-GCM initialisation vector.
pub const IV_BYTES: usize = 12;

/// Why encryption or decryption failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// WebCrypto is missing (not a secure context).
    Unavailable,
    /// Decryption failed: the passphrase is wrong (or the file was changed).
    WrongPassphrase,
    /// Anything else, with the browser's words.
    Failed(String),
}

/// A ciphertext with what is needed to open it again (besides the passphrase).
pub struct Sealed {
    /// The PBKDF2 salt.
    pub salt: Vec<u8>,
    /// The AES-GCM IV.
    pub iv: Vec<u8>,
    /// The ciphertext with its authentication tag.
    pub ciphertext: Vec<u8>,
}

fn crypto() -> Result<web_sys::Crypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Unavailable)
}

fn failed(e: JsValue) -> CryptoError {
    CryptoError::Failed(
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{e:?}")),
    )
}

fn object(entries: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in entries {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<CryptoKey, CryptoError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = subtle
        .import_key_with_str("raw", &raw, "PBKDF2", false, &usages(&["deriveKey"]))
        .map_err(failed)?;
    let base: CryptoKey = JsFuture::from(base).await.map_err(failed)?.unchecked_into();
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
        ("hash", "SHA-256".into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())]);
    let key = subtle
        .derive_key_with_object_and_object(
            &params,
            &base,
            &aes,
            false,
            &usages(&["encrypt", "decrypt"]),
        )
        .map_err(failed)?;
    Ok(JsFuture::from(key).await.map_err(failed)?.unchecked_into())
}

pub(crate) fn random(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(failed)?;
    Ok(bytes)
}

/// `n` random bytes from the browser's generator (zeros when it cannot give them: for uses
/// where chance only keeps names apart, such as [`crate::domain::exchange::file_tag`]).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    if let Ok(random) = random(N) {
        bytes.copy_from_slice(&random);
    }
    bytes
}

/// Encrypts `plain` with a key derived from `passphrase` (fresh random salt and IV).
pub async fn seal(plain: &[u8], passphrase: &str, iterations: u32) -> Result<Sealed, CryptoError> {
    let subtle = crypto()?.subtle();
    let salt = random(SALT_BYTES)?;
    let iv = random(IV_BYTES)?;
    let key = derive_key(&subtle, passphrase, &salt, iterations).await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&iv[..]).into()),
    ]);
    let promise = subtle
        .encrypt_with_object_and_u8_array(&params, &key, plain)
        .map_err(failed)?;
    let buffer = JsFuture::from(promise).await.map_err(failed)?;
    Ok(Sealed {
        salt,
        iv,
        ciphertext: Uint8Array::new(&buffer).to_vec(),
    })
}

/// Decrypts what [`seal`] made; a wrong passphrase is [`CryptoError::WrongPassphrase`].
pub async fn open(
    sealed: &Sealed,
    passphrase: &str,
    iterations: u32,
) -> Result<Vec<u8>, CryptoError> {
    let subtle = crypto()?.subtle();
    let key = derive_key(&subtle, passphrase, &sealed.salt, iterations).await?;
    let params = object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&sealed.iv[..]).into()),
    ]);
    let promise = subtle
        .decrypt_with_object_and_u8_array(&params, &key, &sealed.ciphertext)
        .map_err(failed)?;
    match JsFuture::from(promise).await {
        Ok(buffer) => Ok(Uint8Array::new(&buffer).to_vec()),
        // AES-GCM's tag check fails with an OperationError: wrong key, or a changed file.
        Err(e) if e.dyn_ref::<web_sys::DomException>().is_some() => {
            Err(CryptoError::WrongPassphrase)
        }
        Err(e) => Err(failed(e)),
    }
}
