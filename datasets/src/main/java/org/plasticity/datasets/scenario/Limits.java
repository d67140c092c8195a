package org.plasticity.datasets.scenario;

/** Applies the optional "first n samples" limits of scenario options. */
final class Limits {

    private Limits() {}

    /**
     * @param limit the configured limit, or null for all
     * @param available samples there are
     * @param option the option's name for the error message
     * @return how many samples to take
     */
    static int apply(Integer limit, int available, String option) {
        check(limit, option);
        return limit == null ? available : Math.min(limit, available);
    }

    /**
     * @param limit the configured limit, or null for all
     * @param option the option's name for the error message
     * @throws IllegalArgumentException if the limit is not positive
     */
    static void check(Integer limit, String option) {
        if (limit != null && limit <= 0) {
            throw new IllegalArgumentException(option + " must be positive (or unset for all), got "
                    + limit);
        }
    }

    /**
     * @param n count
     * @return {@code 0..n-1}
     */
    static int[] firstN(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }
}
