"""WXBizMsgCrypt: SHA1 signature and AES-256-CBC callback encryption, checked against Tencent's sample vectors.

Written on `cryptography` directly (not wechatpy's WeChatCrypto) so the 16 random bytes can be injected
(deterministic encryption vectors) and every failure has its own error code for a clear 4xx.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

BLOCK = 32  # WeCom pads PKCS#7 to 32-byte blocks, not AES's 16


class WeComCryptoError(Exception):
    """A callback that fails verification; `code` says which check (signature, receive_id, ciphertext, key)."""

    def __init__(self, code: str, message: str) -> None:
        """Keep a stable code for logs and tests."""
        super().__init__(message)
        self.code = code


def signature(token: str, timestamp: str, nonce: str, encrypted: str) -> str:
    """SHA1 of the four values sorted and joined: WeCom's msg_signature."""
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypted])).encode("utf-8")).hexdigest()


def aes_key(encoding_aes_key: str) -> bytes:
    """The 43-character EncodingAESKey + '=' base64-decodes to the 32-byte AES key."""
    if len(encoding_aes_key) != 43:
        raise WeComCryptoError("bad_key", "MENTOR_WECOM_AES_KEY must be the 43-character EncodingAESKey")
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except binascii.Error as error:
        raise WeComCryptoError("bad_key", "MENTOR_WECOM_AES_KEY is not valid base64") from error
    if len(key) != 32:
        raise WeComCryptoError("bad_key", "MENTOR_WECOM_AES_KEY does not decode to 32 bytes")
    return key


class WeComCrypto:
    """Verify, decrypt and encrypt callback payloads for one app (token, AES key, receive id = CorpID)."""

    def __init__(self, token: str, encoding_aes_key: str, receive_id: str) -> None:
        """Derive the key once."""
        self._token = token
        self._key = aes_key(encoding_aes_key)
        self._receive_id = receive_id

    def check_signature(self, msg_signature: str, timestamp: str, nonce: str, encrypted: str) -> None:
        """Constant-time compare of the expected and given signatures."""
        expected = signature(self._token, timestamp, nonce, encrypted)
        if not hmac.compare_digest(expected, (msg_signature or "").lower()):
            raise WeComCryptoError("bad_signature", "msg_signature does not match")

    def verify_url(self, msg_signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """GET verification: check the signature over echostr, return its decrypted plaintext."""
        self.check_signature(msg_signature, timestamp, nonce, echostr)
        return self._decrypt(echostr)

    def decrypt(self, msg_signature: str, timestamp: str, nonce: str, encrypted: str) -> str:
        """POST callback: check the signature over Encrypt, return the inner XML (or JSON) text."""
        self.check_signature(msg_signature, timestamp, nonce, encrypted)
        return self._decrypt(encrypted)

    def encrypt(self, plaintext: str, timestamp: str, nonce: str, random16: bytes | None = None) -> tuple[str, str]:
        """Encrypt a passive reply: returns (Encrypt, MsgSignature); random16 only for reproducible tests."""
        prefix = random16 if random16 is not None else os.urandom(16)
        if len(prefix) != 16:
            raise ValueError("random16 must be 16 bytes")
        body = plaintext.encode("utf-8")
        data = prefix + struct.pack(">I", len(body)) + body + self._receive_id.encode("utf-8")
        pad = BLOCK - len(data) % BLOCK
        data += bytes([pad]) * pad
        encryptor = Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16])).encryptor()
        encrypted = base64.b64encode(encryptor.update(data) + encryptor.finalize()).decode("ascii")
        return encrypted, signature(self._token, timestamp, nonce, encrypted)

    def _decrypt(self, encrypted: str) -> str:
        """AES-256-CBC (IV = key[:16]), strip 32-block PKCS#7, split random|len|msg|receive_id, check receive_id."""
        try:
            raw = base64.b64decode(encrypted, validate=True)
        except (binascii.Error, ValueError) as error:
            raise WeComCryptoError("bad_ciphertext", "Encrypt is not valid base64") from error
        if not raw or len(raw) % 16:
            raise WeComCryptoError("bad_ciphertext", "Encrypt is not a whole number of AES blocks")
        decryptor = Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16])).decryptor()
        data = decryptor.update(raw) + decryptor.finalize()
        pad = data[-1]
        if not 1 <= pad <= BLOCK or data[-pad:] != bytes([pad]) * pad:
            raise WeComCryptoError("bad_ciphertext", "bad padding")
        data = data[:-pad]
        if len(data) < 20:
            raise WeComCryptoError("bad_ciphertext", "plaintext too short")
        (length,) = struct.unpack(">I", data[16:20])
        message, receive_id = data[20:20 + length], data[20 + length:]
        if len(message) != length:
            raise WeComCryptoError("bad_ciphertext", "declared length exceeds the plaintext")
        if not hmac.compare_digest(receive_id, self._receive_id.encode("utf-8")):
            raise WeComCryptoError("bad_receive_id", "the ciphertext was made for another CorpID")
        try:
            return message.decode("utf-8")
        except UnicodeDecodeError as error:
            raise WeComCryptoError("bad_ciphertext", "plaintext is not UTF-8") from error
