package org.unlearnstability.report;

import java.awt.Color;

/**
 * Colour ramps for a {@link ContinuousScale}, defined by evenly spaced anchor colours and interpolated
 * linearly in RGB between them.
 */
public enum Palette {
    /** Viridis (matplotlib's default): dark purple to yellow, perceptually uniform, readable in grey. */
    VIRIDIS(0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725),
    /** Blue, through white at the centre, to red (ColorBrewer RdBu reversed): for ratios around 1. */
    DIVERGING(0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B);

    private final int[] anchors;

    Palette(int... anchors) {
        this.anchors = anchors;
    }

    /**
     * @param position a position in [0, 1] along the ramp (clamped)
     * @return the colour there
     */
    public Color at(double position) {
        double t = Math.max(0.0, Math.min(1.0, position)) * (anchors.length - 1);
        int low = Math.min((int) Math.floor(t), anchors.length - 2);
        double f = t - low;
        return new Color(mix(anchors[low] >> 16, anchors[low + 1] >> 16, f),
                mix(anchors[low] >> 8, anchors[low + 1] >> 8, f),
                mix(anchors[low], anchors[low + 1], f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1.0 - f) + (b & 0xFF) * f);
    }
}
