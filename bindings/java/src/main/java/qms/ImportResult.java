package qms;

import java.util.List;

/**
 * What {@link Qms#importChecklist} did, and the merged dossier.
 *
 * @param applied     whether any change was applied
 * @param changes     the cells applied
 * @param conflicts   the cells that conflict (never dropped silently); with any, nothing is
 *                    applied unless partial import was asked
 * @param dossierJson the merged dossier as JSON text, exactly as the library wrote it
 */
public record ImportResult(boolean applied, List<Change> changes, List<Conflict> conflicts, String dossierJson) {

    /** A cell of a filled checklist that was applied. */
    public record Change(String workbook, String sheet, String cell, String checklist, String item, String message) {}

    /** A cell of a filled checklist that conflicts with the dossier. */
    public record Conflict(String workbook, String sheet, String cell, String code, String message) {}
}
