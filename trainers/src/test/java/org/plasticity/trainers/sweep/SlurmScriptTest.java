package org.plasticity.trainers.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.plasticity.trainers.UserError;

/** The array script made from scripts/slurm/array.sbatch, and Slurm's index lists. */
class SlurmScriptTest {
    private static final List<String> JAVA = List.of("/opt/java/bin/java", "-Xmx2g", "-cp", "/a b/x.jar:/c/*",
            "org.plasticity.trainers.cli.PlasticityCli");

    private static String render(SlurmSettings settings, int gpus) {
        return new SlurmScript("plasticity-smoke", "0-3%2", Path.of("/sweeps/smoke/logs"), Path.of("/work"), settings,
                gpus, JAVA, Path.of("/sweeps/smoke/sweep.json")).render(SlurmScript.template(null));
    }

    @Test
    void theScriptAsksForWhatTheSettingsSayAndExecsOneRunPerTask() {
        String script = render(SlurmSettings.DEFAULTS.withTime("02:00:00").withMem("8G").withCpusPerTask(4)
                .withPartition("gpu").withSignalSeconds(300), 1);
        assertTrue(script.startsWith("#!/bin/bash\n"));
        for (String line : List.of("#SBATCH --job-name=plasticity-smoke", "#SBATCH --array=0-3%2",
                "#SBATCH --output=/sweeps/smoke/logs/slurm-%A_%a.out", "#SBATCH --chdir=/work",
                "#SBATCH --cpus-per-task=4", "#SBATCH --mem=8G", "#SBATCH --time=02:00:00",
                "#SBATCH --signal=B:TERM@300", "#SBATCH --partition=gpu", "#SBATCH --gres=gpu:1")) {
            assertTrue(script.contains(line + "\n"), line + " in\n" + script);
        }
        assertTrue(script.contains("exec /opt/java/bin/java -Xmx2g -cp '/a b/x.jar:/c/*' "
                + "org.plasticity.trainers.cli.PlasticityCli sweep run-index /sweeps/smoke/sweep.json "
                + "--index \"$SLURM_ARRAY_TASK_ID\" --threads 4\n"), script);
        assertFalse(script.contains("#SBATCH --requeue") || script.contains(" --requeue\n"));
        assertFalse(script.contains("{{"), "every field filled in");
        int lastDirective = script.lastIndexOf("#SBATCH");
        int firstCommand = script.indexOf("\nexport ");
        assertTrue(lastDirective < firstCommand, "all #SBATCH lines come before the first command");
    }

    @Test
    void requeueAndExtraOptionsAndNoGpu() {
        SlurmSettings s = new SlurmSettings(null, "00:10:00", "2G", 1, null, null, 60, true, List.of("--account=proj"));
        String script = render(s, 0);
        assertTrue(script.contains("#SBATCH --requeue\n"));
        assertTrue(script.contains("#SBATCH --account=proj\n"));
        assertTrue(script.contains("--threads 1 --requeue\n"), script);
        assertFalse(script.contains("--gres"));
        assertFalse(script.contains("--partition"));
    }

    @Test
    void anUnknownTemplateFieldIsAUserError() {
        SlurmScript script = new SlurmScript("j", "0", Path.of("/l"), Path.of("/w"), SlurmSettings.DEFAULTS, 0, JAVA,
                Path.of("/m"));
        UserError e = assertThrows(UserError.class, () -> script.render("#!/bin/bash\n#SBATCH --qos={{QOS}}\n"));
        assertTrue(e.getMessage().contains("{{QOS}}"), e.getMessage());
    }

    @Test
    void indexListsRoundTrip() {
        assertEquals("0-3,5,7-9", ArrayRanges.format(List.of(9, 0, 1, 2, 3, 5, 7, 8)));
        assertEquals("4", ArrayRanges.format(Set.of(4)));
        assertEquals(Set.of(0, 1, 2, 3, 5, 7, 8, 9), ArrayRanges.parse("0-3,5,7-9"));
        assertEquals(Set.of(2, 3), ArrayRanges.parse("[2-3%1]"));
    }
}
