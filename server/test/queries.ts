/** The full report a dashboard page could ask for: every section, competitors side by side, history. */
export const FULL_REPORT = `query($year: Int!, $slug: String!) { participation(year: $year, companySlug: $slug) {
  company { slug name } year className tier total
  report {
    total lastYearTotal byChannel { channel total }
    areas { area score byChannel { channel score } classBenchmark { mean members { company { slug } score } } inquiries { id score } }
    categories { category score byChannel { channel score } classBenchmark { mean members { company { slug } score } } }
    cx { csatMean csatTop2Share cesMean nps ves1Mean ves2Mean npsDistribution { detractors passives promoters count }
         byChannel { channel csatMean nps } classMean { csatMean nps } }
    inquiries { id channel status score }
    classBenchmark { company { slug name } total } classMean
    background { rolePlays { title } channels inquiriesByChannel { channel count } unanswered observerGenders { gender count } observerAgeBands { band count } }
    competitors { company { slug name } total report { total byChannel { channel total } areas { area score performances { code score } }
      categories { category score } cx { nps csatMean } performances { code score } variation { total { mean stdDev } } } }
    history { year className total areas { area score byChannel { channel score } } }
    performances { code score answers options { code count share } byChannel { channel score } }
    variation { total { min q1 median q3 max stdDev } byChannel { channel spread { median } } areas { area spread { median } }
                widestPerformances { code stdDev } }
    responses(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id channel score contactedAt
      comments { reception agent overall } observer { gender ageBand } answers { questionCode optionLabel points maxPoints } } } }
  } } }`;
