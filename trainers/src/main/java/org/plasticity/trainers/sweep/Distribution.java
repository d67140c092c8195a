package org.plasticity.trainers.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Random;

/**
 * How a random axis draws one key's value. Draws come from a {@link Random} seeded by the axis, so the same spec
 * always draws the same values; real numbers are rounded to {@link #SIGNIFICANT_DIGITS} significant digits so that
 * they read well in labels and survive a JSON round trip unchanged.
 */
public sealed interface Distribution {

    /** Significant digits kept of a drawn real number. */
    int SIGNIFICANT_DIGITS = 6;

    /**
     * Draws one value.
     *
     * @param random the axis' random stream
     * @return the value as JSON
     */
    JsonNode draw(Random random);

    /** A real number uniform in [{@code low}, {@code high}). */
    record Uniform(double low, double high) implements Distribution {
        @Override
        public JsonNode draw(Random random) {
            return real(low + (high - low) * random.nextDouble());
        }
    }

    /** A positive real number whose logarithm is uniform in [log {@code low}, log {@code high}). */
    record LogUniform(double low, double high) implements Distribution {
        @Override
        public JsonNode draw(Random random) {
            double lo = Math.log(low);
            return real(Math.exp(lo + (Math.log(high) - lo) * random.nextDouble()));
        }
    }

    /** An integer uniform in [{@code low}, {@code high}], both ends included. */
    record IntRange(long low, long high) implements Distribution {
        @Override
        public JsonNode draw(Random random) {
            return JsonNodeFactory.instance.numberNode(low + (long) Math.floor(random.nextDouble() * (high - low + 1)));
        }
    }

    /** One of the listed JSON values, each equally likely. */
    record Choice(List<JsonNode> options) implements Distribution {
        public Choice {
            options = List.copyOf(options);
        }

        @Override
        public JsonNode draw(Random random) {
            return options.get(random.nextInt(options.size())).deepCopy();
        }
    }

    private static JsonNode real(double value) {
        double rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).doubleValue();
        return JsonNodeFactory.instance.numberNode(rounded);
    }
}
