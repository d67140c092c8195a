package org.plasticity.datasets.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import org.plasticity.datasets.DataFileException;

/**
 * A data set's training and test files under {@code <root>/<folder>/}, both located before either is read, so a
 * missing second file fails before the first one is decoded.
 *
 * @param train the training file
 * @param test the test file
 */
record SplitFiles(Path train, Path test) {

    /**
     * @throws DataFileException naming the first file that is missing
     */
    static SplitFiles locate(Path root, String folder, String train, String test) {
        SplitFiles files = new SplitFiles(root.resolve(folder).resolve(train), root.resolve(folder).resolve(test));
        for (Path f : new Path[] {files.train(), files.test()}) {
            if (!Files.isRegularFile(f)) {
                throw DataFileException.missing(f);
            }
        }
        return files;
    }
}
