package io.bitforge.core.format;

import io.bitforge.core.arith.Rounding;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Catalogued;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.registry.RegistryContributor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lists every number format for {@code bitforge list formats}: id, bits, kind and, for element formats of at
 * most 8 bits, the sorted value grid; OVP adds its outlier grid and marker, mixtures their candidates. Each entry
 * is parsed on first use, so a command that lists no formats builds none.
 */
public final class FormatCatalog implements RegistryContributor {
    @Override
    public void contribute(Registry.Builder registry) {
        for (String id : FormatIdList.all()) { // not NumberFormats.allIds(): that would build every format now
            registry.lazy(CatalogKind.FORMATS, id, () -> new Entry(NumberFormats.parse(id)));
        }
    }

    /** One listed format. */
    public record Entry(NumberFormat format) implements Catalogued {
        @Override
        public String id() {
            return format.id();
        }

        @Override
        public String description() {
            return format.description();
        }

        @Override
        public String source() {
            return format.source();
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("bits", format.bits());
            if (format instanceof ElementFormat e) {
                facts.put("kind", e instanceof IntFormat ? "integer" : e instanceof MiniFloat ? "float" : "grid");
                facts.put("tieRule", e.defaultRounding() == Rounding.HALF_EVEN
                        ? "nearest-even" : "lower");
                facts.put("overflow", e instanceof MiniFloat m ? m.overflow().name().toLowerCase(Locale.ROOT)
                        .replace('_', '-') : "saturate");
                if (e.bits() <= 8) {
                    facts.put("grid", list(e.grid()));
                }
            } else if (format instanceof OvpFormat o) {
                facts.put("kind", "outlier-victim-pair");
                facts.put("tieRule", "lower");
                facts.put("overflow", "saturate");
                facts.put("victimMarker", Integer.toBinaryString(o.victimMarker()));
                facts.put("pairRule", o.victimRule() == VictimRule.EVEN_FIRST ? "even-first" : "keep-larger");
                facts.put("grid", list(o.normalGrid()));
                facts.put("outlierGrid", list(o.outlierGrid()));
            } else if (format instanceof BitmodMixture m) {
                facts.put("kind", "per-group-mixture");
                facts.put("tieRule", "lower");
                facts.put("candidates", m.candidates().stream().map(GridFormat::id).toList());
            } else if (format instanceof AntTypeChoice a) {
                facts.put("kind", "per-tensor-choice");
                facts.put("tieRule", "upper");
                facts.put("candidates", a.candidates().stream().map(ElementFormat::id).toList());
            } else if (format instanceof BcqFormat b) {
                facts.put("kind", "binary-coding");
                facts.put("tieRule", "lower");
                facts.put("planes", b.planes());
                facts.put("powerOfTwoScales", b.powerOfTwoScales());
            }
            return facts;
        }

        private static List<Double> list(ValueGrid grid) {
            List<Double> values = new ArrayList<>(grid.size());
            for (int i = 0; i < grid.size(); i++) {
                values.add(grid.value(i));
            }
            return values;
        }
    }
}
