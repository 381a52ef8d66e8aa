package io.bitforge.api;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.io.Suggestions;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.roofline.DesignMachine;
import io.bitforge.roofline.DeviceMachine;
import io.bitforge.roofline.RooflineMachine;
import io.bitforge.roofline.RooflineOptions;

import java.util.List;
import java.util.OptionalDouble;

/** A {@link RooflineRequest} checked field by field and turned into the roofline module's inputs. */
final class RooflineStudy {
    private RooflineStudy() {
    }

    static RooflineMachine machine(BitForge bitforge, RooflineRequest request) {
        Registry registry = bitforge.registry();
        if (request.device() != null && request.hardware() != null) {
            throw BadRequestException.of("device/hardware", "both", "give one of them");
        }
        if (request.hardware() != null) {
            return DesignMachine.of(bitforge.hardware(request.hardware()), registry);
        }
        if (request.device() == null) {
            throw BadRequestException.of("device/hardware", "nothing", "one is required; devices: "
                    + String.join(", ", registry.ids(CatalogKind.DEVICES)));
        }
        return new DeviceMachine(registry.device(request.device()).orElseThrow(() -> BadRequestException.of(
                "device", "'" + request.device() + "'"
                        + Suggestions.didYouMean(request.device(), registry.ids(CatalogKind.DEVICES)), "must be one of "
                        + String.join(", ", registry.ids(CatalogKind.DEVICES)))));
    }

    static WorkloadSettings settings(RooflineRequest request) {
        if (!List.of("prefill", "decode", "both").contains(request.phase())) {
            throw BadRequestException.of("phase", "'" + request.phase() + "'", "must be prefill, decode or both");
        }
        positive("batch", request.batch());
        positive("prompt", request.prompt());
        positive("context", request.context());
        positive("generate", request.generate());
        WorkloadSettings defaults = WorkloadSettings.defaults();
        return new WorkloadSettings(request.phase(), request.batch(), request.prompt(), request.context(),
                request.generate(), request.quant(), defaults.steps(), defaults.resolution(), defaults.guidance(),
                request.workloadOptions());
    }

    static RooflineOptions options(RooflineRequest request, RooflineMachine machine) {
        positive("queryBlock", request.queryBlock());
        positive("tensorParallel", request.tensorParallel());
        OptionalDouble link = OptionalDouble.empty();
        Double gigabytes = request.linkGigabytesPerSecond();
        if (gigabytes != null) {
            if (!(gigabytes > 0) || gigabytes.isInfinite()) {
                throw BadRequestException.of("linkGigabytesPerSecond", gigabytes, "must be > 0");
            }
            link = OptionalDouble.of(gigabytes * 1e9);
        }
        if (request.tensorParallel() > 1 && link.isEmpty() && machine.linkBytesPerSecond().isEmpty()) {
            // The missing field is the link bandwidth: name it, not the parallelism that needs it.
            throw BadRequestException.of("linkGigabytesPerSecond", "none", machine.name() + " has no device link; "
                    + "tensor parallelism over " + request.tensorParallel() + " devices needs a link bandwidth");
        }
        RooflineOptions options = RooflineOptions.defaults().withTensorParallel(request.tensorParallel(), link);
        return request.fusedAttention() ? options.withFusedAttention(request.queryBlock()) : options;
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw BadRequestException.of(field, value, "must be >= 1");
        }
    }
}
