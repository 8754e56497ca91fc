package offer

import "math"

// EarthRadiusKm is the mean radius of the Earth (IUGG).
const EarthRadiusKm = 6371.0088

// Point is a position in decimal degrees (WGS 84).
type Point struct {
	Lat, Lon float64
}

// Valid reports whether the point is within the ranges of latitudes and longitudes.
func (p Point) Valid() bool {
	return !math.IsNaN(p.Lat) && !math.IsNaN(p.Lon) && math.Abs(p.Lat) <= 90 && math.Abs(p.Lon) <= 180
}

// DistanceKm returns the great-circle distance between two points
// (haversine formula), in kilometres.
func DistanceKm(a, b Point) float64 {
	const rad = math.Pi / 180
	dLat := (b.Lat - a.Lat) * rad
	dLon := (b.Lon - a.Lon) * rad
	s := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(s)))
}

// Point returns the position of the service, if it has valid coordinates.
func (s *Service) Point() (Point, bool) {
	if s.Latitude == nil || s.Longitude == nil {
		return Point{}, false
	}
	p := Point{*s.Latitude, *s.Longitude}
	return p, p.Valid()
}

// gridCell is the cell of a point in the geographic grid of the index.
type gridCell struct{ lat, lon int32 }

// gridStep is the size of a grid cell, in degrees (about 22 km of latitude).
const gridStep = 0.2

func cellOf(p Point) gridCell {
	return gridCell{int32(math.Floor(p.Lat / gridStep)), int32(math.Floor(p.Lon / gridStep))}
}

// cellsAround returns the cells of the bounding box of a circle.
func cellsAround(p Point, radiusKm float64) []gridCell {
	dLat := radiusKm / EarthRadiusKm * 180 / math.Pi
	minLat, maxLat := math.Max(-90, p.Lat-dLat), math.Min(90, p.Lat+dLat)
	cosLat := math.Min(math.Cos(minLat*math.Pi/180), math.Cos(maxLat*math.Pi/180))
	var dLon float64
	if cosLat < 1e-6 || radiusKm/EarthRadiusKm/cosLat >= math.Pi/2 {
		dLon = 180
	} else {
		dLon = math.Asin(math.Min(1, math.Sin(radiusKm/EarthRadiusKm)/cosLat)) * 180 / math.Pi
	}
	lo := cellOf(Point{minLat, math.Max(-180, p.Lon-dLon)})
	hi := cellOf(Point{maxLat, math.Min(180, p.Lon+dLon)})
	// Longitudes wrapping around the antimeridian: every longitude.
	if p.Lon-dLon < -180 || p.Lon+dLon > 180 {
		return allLonCells(lo.lat, hi.lat)
	}
	var out []gridCell
	for la := lo.lat; la <= hi.lat; la++ {
		for lo2 := lo.lon; lo2 <= hi.lon; lo2++ {
			out = append(out, gridCell{la, lo2})
		}
	}
	return out
}

func allLonCells(latLo, latHi int32) []gridCell {
	var out []gridCell
	n := int32(math.Ceil(360 / gridStep))
	for la := latLo; la <= latHi; la++ {
		for lo := -n / 2; lo <= n/2; lo++ {
			out = append(out, gridCell{la, lo})
		}
	}
	return out
}
