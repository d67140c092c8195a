package org.plasticity.trainers.report;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.plasticity.trainers.UserError;
import org.plasticity.trainers.run.RunDirectory;

/**
 * Finds run folders (folders with a {@code config.json}) in and below the given folders: single runs, sweep
 * folders, or folders of many runs. Checkpoint, log and report folders are not searched.
 */
public final class RunScanner {

    private static final Set<String> SKIPPED = Set.of(RunDirectory.CHECKPOINTS, "logs", "slurm", "report", "plots");

    private RunScanner() {
    }

    /**
     * Loads every run below the folders.
     *
     * @param dirs folders to search
     * @return the runs, sorted by path
     * @throws UserError when a folder is missing or holds no run
     */
    public static List<RunRecord> scan(List<Path> dirs) {
        TreeSet<Path> found = new TreeSet<>();
        for (Path dir : dirs) {
            Path d = dir.toAbsolutePath().normalize();
            if (!Files.isDirectory(d)) {
                throw new UserError(dir + ": no such folder");
            }
            int before = found.size();
            try {
                Files.walkFileTree(d, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path p, BasicFileAttributes attrs) {
                        if (!p.equals(d) && SKIPPED.contains(p.getFileName().toString())) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (Files.isRegularFile(p.resolve(RunDirectory.CONFIG))) {
                            found.add(p);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UserError("cannot search " + dir + ": " + e.getMessage());
            }
            if (found.size() == before) {
                throw new UserError(dir + ": no run folders (folders with " + RunDirectory.CONFIG + ") in or below it");
            }
        }
        Path base = commonParent(dirs);
        List<RunRecord> runs = new ArrayList<>();
        for (Path p : found) {
            String label = base != null && p.startsWith(base) && !p.equals(base) ? base.relativize(p).toString()
                    : p.getFileName().toString();
            runs.add(RunRecord.load(p, label));
        }
        return runs;
    }

    private static Path commonParent(List<Path> dirs) {
        Path common = null;
        for (Path dir : dirs) {
            Path d = dir.toAbsolutePath().normalize();
            if (Files.isRegularFile(d.resolve(RunDirectory.CONFIG))) {
                d = d.getParent();
            }
            if (common == null) {
                common = d;
            } else {
                while (common != null && !d.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        return common;
    }
}
