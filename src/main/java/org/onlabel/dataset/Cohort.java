package org.onlabel.dataset;

import org.onlabel.common.text.SingleLine;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who and what the scans come from; generalisation rules reason over it. */
@Schema(description = "Where and on what the data was acquired")
public record Cohort(
        @Schema(description = "Acquisition sites", examples = "[\"NYU Langone Health\"]")
        @Size(max = 200) List<@NotBlank @SingleLine @Size(max = 200) String> sites,
        @Schema(description = "Scanner vendors", examples = "[\"Siemens\"]")
        @Size(max = 50) List<@NotBlank @SingleLine @Size(max = 100) String> vendors,
        @Schema(description = "Magnetic field strengths in tesla (MR only)", examples = "[1.5, 3.0]")
        @Size(max = 20) List<@Positive @DecimalMax("20") Double> fieldStrengthsT,
        @Schema(nullable = true, description = "Population in free text", examples = "adult patients referred for knee MRI")
        @Size(max = 2000) String population) {

    public Cohort {
        sites = sites == null ? List.of() : sites;
        vendors = vendors == null ? List.of() : vendors;
        fieldStrengthsT = fieldStrengthsT == null ? List.of() : fieldStrengthsT;
    }
}
