package org.plasticity.datasets.corruption;

/**
 * scikit-image's {@code rgb2hsv} and {@code hsv2rgb} for one pixel with components in [0, 1].
 * To HSV: V = max, S = (max − min)/V (0 where max = min), H from the component that is the
 * maximum, later components winning ties (red, then green, then blue), {@code (h/6) mod 1} with
 * numpy's floored modulo, 0 where max = min. Back: sector {@code floor(6H) mod 6} picks
 * (v,t,p), (q,v,p), (p,v,t), (p,q,v), (t,p,v), (v,p,q) with {@code f = 6H − floor(6H)},
 * {@code p = V(1 − S)}, {@code q = V(1 − fS)}, {@code t = V(1 − (1 − f)S)}.
 */
final class Hsv {

    private Hsv() {}

    /** @return {h, s, v} */
    static double[] fromRgb(double r, double g, double b) {
        double v = Math.max(r, Math.max(g, b));
        double delta = v - Math.min(r, Math.min(g, b));
        if (delta == 0) {
            return new double[] {0, 0, v};
        }
        double s = delta / v;
        double h6;
        if (b == v) {
            h6 = 4. + (r - g) / delta;
        } else if (g == v) {
            h6 = 2. + (b - r) / delta;
        } else {
            h6 = (g - b) / delta;
        }
        return new double[] {flooredModOne(h6 / 6.), s, v};
    }

    /** @return {r, g, b} */
    static double[] toRgb(double h, double s, double v) {
        double sector = Math.floor(h * 6);
        double f = h * 6 - sector;
        double p = v * (1 - s);
        double q = v * (1 - f * s);
        double t = v * (1 - (1 - f) * s);
        return switch (Math.floorMod((int) sector, 6)) {
            case 0 -> new double[] {v, t, p};
            case 1 -> new double[] {q, v, p};
            case 2 -> new double[] {p, v, t};
            case 3 -> new double[] {p, q, v};
            case 4 -> new double[] {t, p, v};
            default -> new double[] {v, p, q};
        };
    }

    private static double flooredModOne(double x) {
        double m = x % 1.0;
        return m != 0 && m < 0 ? m + 1.0 : m;
    }
}
