package org.plasticity.trainers.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a misspelled one was probably meant to be. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * Returns the candidate closest to {@code input} by case-insensitive edit distance, if it is close enough to be a
     * likely typo; ties go to the earliest candidate.
     */
    static Optional<String> nearest(String input, Collection<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, needle.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Returns {@code "; did you mean X?"} for a close candidate, else the empty string. */
    static String didYouMean(String input, Collection<String> candidates) {
        return nearest(input, candidates).map(s -> "; did you mean " + s + "?").orElse("");
    }

    /** Edit distance counting an adjacent transposition as one edit, so {@code lfi} is one edit from {@code lif}. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
