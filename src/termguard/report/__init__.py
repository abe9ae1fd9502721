"""Report → output. Every renderer registers in `base.RENDERERS`, the built-in ones included."""
