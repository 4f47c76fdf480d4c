"""Every WeCom vector (URL verification, decryption, deterministic encryption) through WeComCrypto."""

from __future__ import annotations

import pytest

from adapters.wecom.crypto import WeComCrypto, WeComCryptoError, aes_key, signature
from tests.unit.adapters.vectors import requires_vectors, vectors

WECOM = vectors("wecom_vectors.json")


def crypto_for(vector: dict, receive_id: str | None = None) -> WeComCrypto:
    """A crypto configured like the vector's app."""
    return WeComCrypto(vector["token"], vector["encoding_aes_key"], receive_id or vector["receive_id"])


@requires_vectors
@pytest.mark.parametrize("vector", [v for v in WECOM if v["kind"] == "verify_url"], ids=lambda v: v["id"])
def test_verify_url_vectors(vector):
    """Verify url vectors."""
    args = (vector["msg_signature"], vector["timestamp"], vector["nonce"], vector["echostr"])
    if vector["expected_valid"]:
        assert crypto_for(vector).verify_url(*args) == vector["expected_plaintext"]
    else:
        with pytest.raises(WeComCryptoError) as error:
            crypto_for(vector).verify_url(*args)
        assert error.value.code == "bad_signature"


@requires_vectors
@pytest.mark.parametrize("vector", [v for v in WECOM if v["kind"] == "decrypt_msg"], ids=lambda v: v["id"])
def test_decrypt_vectors(vector):
    """Decrypt vectors."""
    args = (vector["msg_signature"], vector["timestamp"], vector["nonce"], vector["encrypt"])
    if vector["expected_valid"]:
        assert crypto_for(vector).decrypt(*args) == vector["expected_plaintext"]
        with pytest.raises(WeComCryptoError) as error:  # the same ciphertext for another CorpID
            crypto_for(vector, receive_id="wwNotThisCorp").decrypt(*args)
        assert error.value.code == "bad_receive_id"
    else:
        with pytest.raises(WeComCryptoError):
            crypto_for(vector).decrypt(*args)


@requires_vectors
@pytest.mark.parametrize("vector", [v for v in WECOM if v["kind"] == "encrypt_msg"], ids=lambda v: v["id"])
def test_encrypt_vectors_are_byte_exact(vector):
    """Encrypt vectors are byte exact."""
    encrypted, sig = crypto_for(vector).encrypt(vector["plaintext"], vector["timestamp"], vector["nonce"],
                                                random16=vector["random_16_bytes"].encode("ascii"))
    assert encrypted == vector["expected_encrypt"] and sig == vector["expected_msg_signature"]


def test_round_trip_with_chinese_and_a_random_prefix():
    """Round trip with chinese and a random prefix."""
    crypto = WeComCrypto("tok", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "wwcorp")
    text = "<xml><Content>你好,世界 hello</Content></xml>"
    encrypted, sig = crypto.encrypt(text, "1700000000", "42")
    assert crypto.decrypt(sig, "1700000000", "42", encrypted) == text


def test_signature_is_sha1_of_the_sorted_values():
    """Signature is sha1 of the sorted values."""
    import hashlib

    assert signature("b", "a", "d", "c") == hashlib.sha1(b"abcd").hexdigest()


@pytest.mark.parametrize("key", ["short", "!" * 43])
def test_bad_aes_keys_fail_with_a_clear_code(key):
    """Bad aes keys fail with a clear code."""
    with pytest.raises(WeComCryptoError) as error:
        aes_key(key)
    assert error.value.code == "bad_key"


def test_truncated_ciphertext_is_rejected_not_crashing():
    """Truncated ciphertext is rejected not crashing."""
    crypto = WeComCrypto("tok", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "wwcorp")
    encrypted, _ = crypto.encrypt("<xml/>", "1", "2")
    short = encrypted[:-8] + "=" * (len(encrypted[:-8]) % 4 and 4 - len(encrypted[:-8]) % 4)
    with pytest.raises(WeComCryptoError) as error:
        crypto.decrypt(signature("tok", "1", "2", short), "1", "2", short)
    assert error.value.code == "bad_ciphertext"
