package nl.zorgpad.pathway.service;

/** Fired inside a transaction that changed what route resolution serves; observed after commit. */
public record ConfigurationChanged(String regionId, String what) {
}
