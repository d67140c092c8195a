package org.plasticity.trainers;

import java.nio.file.Path;
import java.util.List;

/** Where the shipped vision protocol configs are and which protocols and methods they cover (configs/vision). */
public final class VisionConfigFiles {
    /** The scenarios of the paper's vision tables, in the order of docs/VISION.md. */
    public static final List<String> PROTOCOLS = List.of("split-cifar100", "split-miniimagenet", "five-datasets");
    /** The methods of the tables (HAT aside), as the configs' name parts. */
    public static final List<String> METHODS = List.of("finetune", "multitask", "ewc", "gpm", "mr", "hlop", "hlop-mr", "hat");
    /** The folder, from the trainers module. */
    public static final Path DIR = Path.of("..", "configs", "vision");

    private VisionConfigFiles() {
    }

    /** @return {@code configs/vision/<protocol>-<method>-dsr.json} */
    public static Path config(String protocol, String method) {
        return DIR.resolve(protocol + "-" + method + "-dsr.json");
    }
}
