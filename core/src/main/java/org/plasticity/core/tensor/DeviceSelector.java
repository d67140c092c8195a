package org.plasticity.core.tensor;

import ai.djl.Device;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a device setting ({@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N}) into a DJL device,
 * given how many GPUs the engine sees. {@code auto} takes GPU 0 when there is one, else the CPU;
 * asking for a GPU that is not there is a user error, and with no GPU at all the message names the
 * switch to a CUDA PyTorch (docs/GPU.md).
 */
public final class DeviceSelector {
    private static final Pattern SPEC = Pattern.compile("auto|cpu|gpu(?::(\\d+))?");

    private DeviceSelector() {
    }

    /** True when the text is a well-formed device setting. */
    public static boolean isValid(String spec) {
        return spec != null && SPEC.matcher(spec).matches();
    }

    /**
     * Selects the device.
     *
     * @param spec the setting
     * @param gpuCount GPUs visible to the engine
     * @throws IllegalArgumentException when the setting is malformed or names a missing GPU
     */
    public static Device select(String spec, int gpuCount) {
        Matcher m = spec == null ? null : SPEC.matcher(spec);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(
                    "device '" + spec + "' is not one of auto, cpu, gpu, gpu:N");
        }
        if (spec.equals("auto")) {
            return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (spec.equals("cpu")) {
            return Device.cpu();
        }
        int index = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        if (gpuCount == 0) {
            throw new IllegalArgumentException("device '" + spec + "' needs a GPU but the engine sees 0 GPU(s) (the "
                    + "bundled PyTorch natives are CPU-only); run on a CUDA PyTorch with PLASTICITY_TORCH=<torch folder> ("
                    + NativeBridge.DOC + "), or use \"auto\" or \"cpu\"");
        }
        if (index >= gpuCount) {
            throw new IllegalArgumentException("device '" + spec + "' asks for GPU " + index
                    + " but the engine sees " + gpuCount + " GPU(s); use \"auto\" or \"cpu\"");
        }
        return Device.gpu(index);
    }
}
