package org.plasticity.datasets;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the "what to do" half of data-file error messages: which {@code scripts/fetch-data.sh
 * --only} value fetches the folder a file lives in, and how to point Plasticity elsewhere.
 */
final class FetchHint {

    /** Data folder name under the data root mapped to the fetch script's {@code --only} value. */
    private static final Map<String, String> ONLY_BY_FOLDER =
            Map.of("mnist", "mnist", "fashion-mnist", "fashion-mnist", "sklearn-digits", "digits");

    /** Where the layouts of the data sets no script can fetch are described. */
    static final String DOC = "docs/DATASETS.md";

    private FetchHint() {}

    /**
     * @param file a data file, e.g. {@code /x/data/mnist/train-images-idx3-ubyte}
     * @return the hint for the folder that holds the file
     */
    static String forFile(Path file) {
        return forFolder(folderOf(file));
    }

    /**
     * @param folder a data folder name such as {@code mnist}
     * @return e.g. {@code run scripts/fetch-data.sh --only mnist, or set data.root /
     *     PLASTICITY_DATA to the folder that holds mnist/}
     */
    static String forFolder(String folder) {
        String only = ONLY_BY_FOLDER.get(folder);
        String fetch = only != null
                ? "run scripts/fetch-data.sh --only " + only
                : "put the official files there (" + DOC + " says which)";
        return fetch + ", or set data.root / " + DataRoot.ENV
                + " to the folder that holds " + folder + "/";
    }

    /**
     * @param file a data file with bad content
     * @return how to get a good copy of it
     */
    static String forReplacing(Path file) {
        String only = ONLY_BY_FOLDER.get(folderOf(file));
        return only != null
                ? "run scripts/fetch-data.sh --only " + only + " to fetch a verified copy"
                : "replace it with the official file (" + DOC + ")";
    }

    private static String folderOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }
}
