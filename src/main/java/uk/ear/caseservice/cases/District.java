package uk.ear.caseservice.cases;

/** The county's districts. Which team covers which is decided in TeamForDistrict.dmn. */
public enum District {
  BURNLEY,
  CHORLEY,
  FYLDE,
  HYNDBURN,
  LANCASTER,
  PENDLE,
  PRESTON,
  RIBBLE_VALLEY,
  ROSSENDALE,
  SOUTH_RIBBLE,
  WEST_LANCASHIRE,
  WYRE
}
