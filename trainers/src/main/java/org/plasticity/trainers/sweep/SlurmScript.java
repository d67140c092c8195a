package org.plasticity.trainers.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.plasticity.trainers.UserError;

/**
 * The array job's batch script, made from the template {@code scripts/slurm/array.sbatch} (built into the jar; a
 * custom one may be given) by filling in its {@code {{FIELD}}}s.
 *
 * @param jobName       {@code --job-name}
 * @param array         {@code --array}: run indexes and the optional {@code %k} throttle
 * @param logDir        where {@code slurm-%A_%a.out} files go
 * @param workdir       the tasks' working folder ({@code --chdir})
 * @param settings      time, memory, CPUs, partition, requeue, extra options
 * @param gpus          GPUs per task ({@code --gres=gpu:N} when &gt; 0)
 * @param command       the CLI's command line ({@link ChildJvm})
 * @param manifest      the sweep's {@code sweep.json}
 */
public record SlurmScript(String jobName, String array, Path logDir, Path workdir, SlurmSettings settings, int gpus,
        List<String> command, Path manifest) {

    private static final String RESOURCE = "array.sbatch";
    private static final Pattern FIELD = Pattern.compile("\\{\\{([A-Z_]+)}}");

    public SlurmScript {
        command = List.copyOf(command);
    }

    /**
     * The template text.
     *
     * @param custom a template file, or null for the built-in one
     * @return the template
     */
    public static String template(Path custom) {
        if (custom != null) {
            try {
                return Files.readString(custom);
            } catch (NoSuchFileException e) {
                throw new UserError(custom + ": no such Slurm template");
            } catch (IOException e) {
                throw new UserError("cannot read the Slurm template " + custom + ": " + e.getMessage());
            }
        }
        try (InputStream in = SlurmScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in Slurm template " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in Slurm template", e);
        }
    }

    /** The {@code #SBATCH} lines that depend on the settings. */
    List<String> optionalDirectives() {
        List<String> lines = new ArrayList<>();
        if (settings.partition() != null) {
            lines.add("#SBATCH --partition=" + settings.partition());
        }
        if (gpus > 0) {
            lines.add("#SBATCH --gres=gpu:" + gpus);
        }
        if (settings.requeue()) {
            lines.add("#SBATCH --requeue");
        }
        settings.extra().forEach(option -> lines.add("#SBATCH " + option));
        return lines;
    }

    /**
     * Fills in the template.
     *
     * @param template the template text
     * @return the script
     * @throws UserError when the template has a field this version does not know
     */
    public String render(String template) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("JOB_NAME", jobName);
        fields.put("ARRAY", array);
        fields.put("LOG_DIR", logDir.toString());
        fields.put("WORKDIR", workdir.toString());
        fields.put("CPUS", Integer.toString(settings.cpusPerTask()));
        fields.put("MEM", settings.mem());
        fields.put("TIME", settings.time());
        fields.put("SIGNAL_SECONDS", Integer.toString(settings.signalSeconds()));
        List<String> optional = optionalDirectives();
        fields.put("OPTIONAL_DIRECTIVES", optional.isEmpty() ? "# (no partition, GPU, requeue or extra options)"
                : String.join("\n", optional));
        fields.put("COMMAND", command.stream().map(SlurmScript::quote).collect(Collectors.joining(" ")));
        fields.put("MANIFEST", quote(manifest.toString()));
        fields.put("THREADS", Integer.toString(settings.cpusPerTask()));
        fields.put("RUN_INDEX_OPTIONS", settings.requeue() ? " --requeue" : "");
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fields.get(m.group(1));
            if (value == null) {
                throw new UserError("the Slurm template has an unknown field {{" + m.group(1) + "}}; known: "
                        + fields.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Quotes a word for bash. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
