package io.bitforge.api;

import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.pe.reram.AdcStudy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link BitForge#adcStudy}: per SAR-ADC scheme (full, skip, two-interval) the mean comparator cycles
 * per conversion, the ADC energy reduction against full conversion and the output SQNR against the exact integer
 * product; {@link #asMap()} is what {@code bitforge adc-study --json} writes.
 */
public record AdcStudyReport(HardwareSpec spec, Map<String, Object> source, int outputs, int inputs, int tokens,
                             long seed, AdcStudy.Result result) {

    public Map<String, Object> asMap() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("kind", "adc-study");
        document.put("hardware", spec.name());
        document.put("node", spec.node().id());
        document.put("source", source);
        document.put("outputs", outputs);
        document.put("inputs", inputs);
        document.put("tokens", tokens);
        document.put("seed", seed);
        document.put("adcBits", result.adcBits());
        document.put("requiredAdcBits", result.requiredAdcBits());
        document.put("conversions", result.conversions());
        document.put("offlineSkipComparatorCycles", result.offlineSkipCycles());
        List<Map<String, Object>> schemes = new ArrayList<>();
        for (AdcStudy.SchemeResult r : result.schemes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scheme", r.scheme().id());
            row.put("meanComparatorCycles", r.meanComparatorCycles());
            row.put("adcEnergyReduction", r.energyReduction());
            row.put("adcPicojoulesPerConversion", r.picojoulesPerConversion());
            row.put("sqnrDecibels", Double.isFinite(r.sqnrDecibels()) ? r.sqnrDecibels() : null);
            row.put("maxAbsError", r.maxAbsError());
            schemes.add(row);
        }
        document.put("schemes", schemes);
        return document;
    }
}
