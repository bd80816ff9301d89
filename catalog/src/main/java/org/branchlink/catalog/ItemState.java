package org.branchlink.catalog;

/**
 * Where a copy is in circulation, as lending last left it; it wins over the status the copy's record brought.
 *
 * @param status a status of DOMAIN.md §5.5 ({@code available}, {@code on_loan}, {@code in_transit}, {@code lost}…)
 * @param atSite the site the copy is at when not at its owning site (a floating copy), else null
 * @param destination where a copy in transit is going, else null
 */
public record ItemState(String status, String atSite, String destination) {
}
