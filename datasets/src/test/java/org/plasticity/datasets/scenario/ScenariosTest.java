package org.plasticity.datasets.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plasticity.datasets.DataFileException;
import org.plasticity.datasets.IdxFixtures;
import org.plasticity.datasets.formats.MnistLike;

class ScenariosTest {

    @TempDir
    Path tmp;

    @Test
    void buildsEachKnownScenarioFromTheConfiguredRoot() {
        IdxFixtures.writeMnistLike(tmp, MnistLike.MNIST, IdxFixtures.cyclicLabels(20, 3),
                IdxFixtures.cyclicLabels(10, 3), false);
        IdxFixtures.writeMnistLike(tmp, MnistLike.FASHION_MNIST, IdxFixtures.cyclicLabels(20, 7),
                IdxFixtures.cyclicLabels(10, 7), true);

        Scenario pm = Scenarios.create(ScenarioOptions.defaults("permuted-mnist", tmp));
        assertInstanceOf(PermutedMnist.class, pm);
        assertEquals(10, pm.numTasks());

        Scenario sm = Scenarios.create(
                new ScenarioOptions("split-mnist", tmp, 2, 3, null, 2, false, true));
        assertEquals("split-mnist", sm.name());
        assertEquals(2, sm.numTasks());
        assertEquals(3, sm.task(0).train().size());

        Scenario sf = Scenarios.create(ScenarioOptions.defaults("split-fashion-mnist", tmp));
        assertEquals("split-fashion-mnist", sf.name());
        assertEquals(5, sf.numTasks());
        assertTrue(sf.taskIncremental());
        // Fashion labels 7i mod 10: task 0 holds classes 0, 1 -> i = 0, 3 (label 1), 10, 13.
        assertEquals(4, sf.task(0).train().size());
    }

    @Test
    void registersTheReferenceProtocols() {
        assertEquals(java.util.List.of("permuted-mnist", "split-mnist", "split-fashion-mnist", "split-cifar100",
                "split-miniimagenet", "five-datasets", "five-datasets-domain", "mnist-fashion-digits"),
                Scenarios.NAMES);
        DataFileException e = assertThrows(DataFileException.class,
                () -> Scenarios.create(ScenarioOptions.defaults("split-cifar100", tmp)));
        assertTrue(e.getMessage().contains("cifar-100-binary/train.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("docs/DATASETS.md"), e.getMessage());
        assertEquals(20, ScenarioOptions.defaults("split-miniimagenet", tmp).tasks());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenarios.create(ScenarioOptions.defaults("split-cifar", tmp)));
        assertTrue(e.getMessage().contains("split-cifar"), e.getMessage());
        assertTrue(e.getMessage().contains("permuted-mnist, split-mnist, split-fashion-mnist"),
                e.getMessage());
    }

    @Test
    void missingDataFailsWhenTheScenarioIsCreated() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> Scenarios.create(ScenarioOptions.defaults("split-mnist", tmp)));
        assertTrue(e.getMessage().contains(tmp.resolve("mnist").toAbsolutePath().toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains("--only mnist"), e.getMessage());
    }

    @Test
    void badOptionsFailBeforeAnyFileIsRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenarios.create(new ScenarioOptions("permuted-mnist", tmp, 11, null, null, 2,
                        false, true)));
        assertTrue(e.getMessage().contains("data.tasks"), e.getMessage());
    }
}
