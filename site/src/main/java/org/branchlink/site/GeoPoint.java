package org.branchlink.site;

/**
 * WGS 84 coordinates in decimal degrees.
 *
 * @param lat latitude, -90 to 90
 * @param lon longitude, -180 to 180
 */
public record GeoPoint(double lat, double lon) {

	/** A generous bounding box around China; a site outside it has its coordinates swapped or mistyped. */
	private static final double MIN_LAT = 3.0, MAX_LAT = 54.0, MIN_LON = 73.0, MAX_LON = 136.0;

	private static final double EARTH_RADIUS_KM = 6371.0088;

	public GeoPoint {
		if (Double.isNaN(lat) || lat < -90 || lat > 90) {
			throw new IllegalArgumentException("latitude " + lat + " is out of range (-90 to 90)");
		}
		if (Double.isNaN(lon) || lon < -180 || lon > 180) {
			throw new IllegalArgumentException("longitude " + lon + " is out of range (-180 to 180)");
		}
	}

	public boolean isInChina() {
		return lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON;
	}

	/** Great-circle distance in kilometres (haversine). */
	public double distanceKm(GeoPoint other) {
		double dLat = Math.toRadians(other.lat - lat);
		double dLon = Math.toRadians(other.lon - lon);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
	}

	@Override
	public String toString() {
		return lat + "," + lon;
	}

}
