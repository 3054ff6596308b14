/**
 * The platform's indicator catalogue as data: what each indicator means in the six UN languages,
 * how it is aggregated and judged, and where its numbers come from. Translations follow the
 * wording ITU, the World Bank and the UN SDG database use in each language where one exists.
 *
 * Targets are only those PRODUCT.md lists from the ITU / Office of the Envoy on Technology
 * universal and meaningful connectivity (UMC) targets for 2030 and the Broadband Commission.
 * The UMC targets for internet use and mobile ownership are set for people aged 15 and over;
 * the sources here measure the whole population (internet use) or individuals as each country
 * surveys them (ownership), so progress is read against the target, not certified by it.
 */
import type { IndicatorDefinition, IndicatorSource } from './catalogue-types.js';
import type { Localised } from '../../shared/localised.js';

const UMC_2030 = 'ITU and UN Office of the Envoy on Technology, Targets for universal and meaningful digital connectivity by 2030 (2022)';
const BROADBAND_COMMISSION =
  'Broadband Commission for Sustainable Development, Advocacy Target 2 (entry-level broadband < 2 % of monthly GNI per capita)';

const PERCENT_BOUNDS = { min: 0, max: 100 } as const;
const NON_NEGATIVE = { min: 0, max: null } as const;

const CC_BY = 'CC-BY-4.0';

/** ITU series republished by the World Bank, which is where we read them. */
function ituViaWdi(code: string): IndicatorSource {
  return {
    name: `ITU World Telecommunication/ICT Indicators database, via World Bank World Development Indicators (${code})`,
    licence: CC_BY,
    url: `https://data.worldbank.org/indicator/${code}`,
  };
}

function worldBank(code: string): IndicatorSource {
  return {
    name: `World Bank, World Development Indicators (${code})`,
    licence: CC_BY,
    url: `https://data.worldbank.org/indicator/${code}`,
  };
}

function sdg(series: string, indicator: string): IndicatorSource {
  return {
    name: `ITU, via UN SDG Global Database (${series}, SDG ${indicator})`,
    licence: CC_BY,
    url: `https://unstats.un.org/sdgs/dataportal/database`,
  };
}

function computed(from: string): IndicatorSource {
  return { name: `Computed by the platform from ${from}`, licence: CC_BY, url: null };
}

type Generation = '2G' | '3G' | '4G';

/** The three coverage indicators differ only by generation; one template keeps them consistent. */
function coverage(generation: Generation, sourceCode: string): IndicatorDefinition {
  const arabicGeneration: Record<Generation, string> = {
    '2G': 'الجيل الثاني',
    '3G': 'الجيل الثالث',
    '4G': 'الجيل الرابع',
  };
  const ar = arabicGeneration[generation];
  const name: Localised = {
    ar: `السكان المشمولون بتغطية شبكة متنقلة من ${ar} على الأقل`,
    zh: `至少有${generation}移动网络覆盖的人口`,
    en: `Population covered by at least a ${generation} mobile network`,
    fr: `Population couverte par au moins un réseau mobile ${generation}`,
    ru: `Население, охваченное как минимум сетью подвижной связи ${generation}`,
    es: `Población cubierta por al menos una red móvil ${generation}`,
  };
  const definition: Localised = {
    ar: `نسبة السكان الذين يعيشون في نطاق إشارة خلوية متنقلة من ${ar} على الأقل، سواء استخدموها أم لا.`,
    zh: `居住在至少${generation}移动蜂窝信号覆盖范围内的人口所占比例，无论其是否使用该服务。`,
    en: `Share of the population living within range of at least a ${generation} mobile-cellular signal, whether or not they use it.`,
    fr: `Proportion de la population vivant à portée d’un signal mobile cellulaire d’au moins ${generation}, qu’elle l’utilise ou non.`,
    ru: `Доля населения, проживающего в зоне действия сигнала сотовой подвижной связи не ниже ${generation}, независимо от того, пользуется ли оно ею.`,
    es: `Proporción de la población que vive dentro del alcance de una señal celular móvil de al menos ${generation}, la utilice o no.`,
  };
  return {
    code: `mobile-coverage-${generation.toLowerCase()}`,
    aliases: [sourceCode],
    name,
    definition,
    unit: 'percent',
    decimals: 1,
    bounds: PERCENT_BOUNDS,
    direction: 'higher-is-better',
    aggregation: 'population-weighted',
    aggregationNote: 'A share of the population: group value = people covered ÷ group population.',
    target: null,
    targetReference: null,
    source: sdg(sourceCode, '9.c.1'),
    derivedFrom: [],
    breakdowns: [],
  };
}

export const CATALOGUE_ENTRIES: readonly IndicatorDefinition[] = [
  {
    code: 'internet-use',
    aliases: ['IT.NET.USER.ZS', 'IT_USE_ii99', 'internet_users_pct'],
    name: {
      ar: 'الأفراد الذين يستخدمون الإنترنت',
      zh: '使用互联网的个人',
      en: 'Individuals using the Internet',
      fr: 'Personnes utilisant l’Internet',
      ru: 'Лица, пользующиеся Интернетом',
      es: 'Personas que utilizan Internet',
    },
    definition: {
      ar: 'نسبة السكان الذين استخدموا الإنترنت خلال الأشهر الثلاثة الماضية، من أي مكان وبأي جهاز.',
      zh: '过去三个月内在任何地点、通过任何设备使用过互联网的人口所占比例。',
      en: 'Share of the population who used the Internet in the last three months, from any location and with any device.',
      fr: 'Proportion de la population ayant utilisé l’Internet au cours des trois derniers mois, depuis n’importe quel lieu et avec n’importe quel appareil.',
      ru: 'Доля населения, пользовавшегося Интернетом в последние три месяца из любого места и с помощью любого устройства.',
      es: 'Proporción de la población que ha utilizado Internet en los últimos tres meses, desde cualquier lugar y con cualquier dispositivo.',
    },
    unit: 'percent',
    decimals: 1,
    bounds: PERCENT_BOUNDS,
    direction: 'higher-is-better',
    aggregation: 'population-weighted',
    aggregationNote: 'A share of the population: group value = internet users ÷ group population (as ITU and the World Bank do).',
    target: { kind: 'at-least', value: 100 },
    targetReference: `${UMC_2030}; set for individuals aged 15 and over`,
    source: ituViaWdi('IT.NET.USER.ZS'),
    derivedFrom: [],
    breakdowns: [],
  },
  {
    code: 'mobile-subscriptions',
    aliases: ['IT.CEL.SETS.P2', 'mobile_cellular_subs_per_100'],
    name: {
      ar: 'اشتراكات الهاتف الخلوي المتنقل لكل 100 نسمة',
      zh: '每百居民移动蜂窝电话订户数',
      en: 'Mobile-cellular telephone subscriptions per 100 inhabitants',
      fr: 'Abonnements à la téléphonie mobile cellulaire pour 100 habitants',
      ru: 'Абонентские подписки на услуги подвижной сотовой связи на 100 жителей',
      es: 'Suscripciones a telefonía celular móvil por cada 100 habitantes',
    },
    definition: {
      ar: 'اشتراكات الدفع اللاحق والدفع المسبق النشطة في خدمة هاتف متنقل عمومية لكل 100 نسمة؛ وقد يملك الشخص الواحد أكثر من اشتراك.',
      zh: '每百名居民拥有的公共移动电话服务后付费和活跃预付费订户数；一人可持有多个订户。',
      en: 'Postpaid and active prepaid subscriptions to a public mobile-telephone service per 100 inhabitants; one person may hold several.',
      fr: 'Abonnements post-payés et prépayés actifs à un service public de téléphonie mobile, pour 100 habitants ; une même personne peut en détenir plusieurs.',
      ru: 'Контрактные и активные предоплаченные подписки на общедоступную услугу подвижной телефонной связи в расчёте на 100 жителей; у одного человека их может быть несколько.',
      es: 'Suscripciones de pospago y de prepago activas a un servicio público de telefonía móvil por cada 100 habitantes; una persona puede tener varias.',
    },
    unit: 'per-100-inhabitants',
    decimals: 1,
    // Above 100 is common (several SIM cards per person), so only the floor is natural.
    bounds: NON_NEGATIVE,
    direction: 'higher-is-better',
    aggregation: 'population-weighted',
    aggregationNote: 'A rate per 100 inhabitants: group value = subscriptions ÷ group population × 100.',
    target: null,
    targetReference: null,
    source: ituViaWdi('IT.CEL.SETS.P2'),
    derivedFrom: [],
    breakdowns: [],
  },
  {
    code: 'fixed-broadband-subscriptions',
    aliases: ['IT.NET.BBND.P2', 'IT_NET_BBP', 'fixed_broadband_subs_per_100'],
    name: {
      ar: 'اشتراكات النطاق العريض الثابت لكل 100 نسمة',
      zh: '每百居民固定宽带订户数',
      en: 'Fixed-broadband subscriptions per 100 inhabitants',
      fr: 'Abonnements au large bande fixe pour 100 habitants',
      ru: 'Абонентские подписки на фиксированный широкополосный доступ на 100 жителей',
      es: 'Suscripciones a banda ancha fija por cada 100 habitantes',
    },
    definition: {
      ar: 'الاشتراكات الثابتة في النفاذ عالي السرعة إلى الإنترنت العمومية بسرعات تنزيل لا تقل عن 256 كيلوبت/ثانية، لكل 100 نسمة.',
      zh: '每百名居民中以不低于256 kbit/s的下行速率高速接入公共互联网的固定订户数。',
      en: 'Fixed subscriptions to high-speed access to the public Internet, at downstream speeds of at least 256 kbit/s, per 100 inhabitants.',
      fr: 'Abonnements fixes à un accès à haut débit à l’Internet public, à des débits descendants d’au moins 256 kbit/s, pour 100 habitants.',
      ru: 'Подписки на фиксированный высокоскоростной доступ к сети Интернет общего пользования со скоростью нисходящего потока не менее 256 кбит/с в расчёте на 100 жителей.',
      es: 'Suscripciones fijas a un acceso de alta velocidad a la Internet pública, con velocidades de descarga de al menos 256 kbit/s, por cada 100 habitantes.',
    },
    unit: 'per-100-inhabitants',
    decimals: 2,
    bounds: NON_NEGATIVE,
    direction: 'higher-is-better',
    aggregation: 'population-weighted',
    aggregationNote: 'A rate per 100 inhabitants: group value = subscriptions ÷ group population × 100.',
    target: null,
    targetReference: null,
    source: ituViaWdi('IT.NET.BBND.P2'),
    derivedFrom: [],
    breakdowns: [
      {
        dimension: 'speed',
        values: [
          { code: 'any', aliases: ['anys', '_T'] },
          { code: '256kbps-2mbps', aliases: ['256kt2mbps'] },
          { code: '2mbps-10mbps', aliases: ['2mt10mbps'] },
          { code: '10mbps-plus', aliases: ['10mbps'] },
        ],
      },
    ],
  },
  {
    code: 'fixed-broadband-10mbps-share',
    aliases: [],
    name: {
      ar: 'اشتراكات النطاق العريض الثابت بسرعة 10 ميغابت/ثانية أو أكثر',
      zh: '速率不低于10 Mbit/s的固定宽带订户',
      en: 'Fixed-broadband subscriptions at 10 Mbit/s or more',
      fr: 'Abonnements au large bande fixe à 10 Mbit/s ou plus',
      ru: 'Подписки на фиксированный широкополосный доступ со скоростью 10 Мбит/с и выше',
      es: 'Suscripciones a banda ancha fija de 10 Mbit/s o más',
    },
    definition: {
      ar: 'نسبة اشتراكات النطاق العريض الثابت التي لا تقل سرعة التنزيل المعلنة فيها عن 10 ميغابت/ثانية.',
      zh: '宣传下行速率不低于10 Mbit/s的固定宽带订户在全部固定宽带订户中所占比例。',
      en: 'Share of fixed-broadband subscriptions with an advertised downstream speed of at least 10 Mbit/s.',
      fr: 'Proportion des abonnements au large bande fixe dont le débit descendant annoncé est d’au moins 10 Mbit/s.',
      ru: 'Доля подписок на фиксированный широкополосный доступ с заявленной скоростью нисходящего потока не менее 10 Мбит/с.',
      es: 'Proporción de las suscripciones a banda ancha fija con una velocidad de descarga anunciada de al menos 10 Mbit/s.',
    },
    unit: 'percent',
    decimals: 1,
    bounds: PERCENT_BOUNDS,
    direction: 'higher-is-better',
    aggregation: 'none',
    aggregationNote:
      'A share of subscriptions, not of people: weighting by population would be wrong; aggregate the two subscription counts instead.',
    target: { kind: 'at-least', value: 100 },
    targetReference: UMC_2030,
    source: computed('fixed-broadband subscriptions at ≥ 10 Mbit/s ÷ all fixed-broadband subscriptions (SDG 17.6.1)'),
    derivedFrom: ['fixed-broadband-subscriptions'],
    breakdowns: [],
  },
  {
    code: 'gni-per-capita',
    aliases: ['NY.GNP.PCAP.CD', 'gni_per_capita_atlas_usd'],
    name: {
      ar: 'نصيب الفرد من الدخل القومي الإجمالي، طريقة أطلس (بالدولار الأمريكي الجاري)',
      zh: '人均国民总收入，阿特拉斯法（现价美元）',
      en: 'GNI per capita, Atlas method (current US$)',
      fr: 'RNB par habitant, méthode Atlas ($ US courants)',
      ru: 'ВНД на душу населения, метод «Атлас» (в текущих долларах США)',
      es: 'INB per cápita, método Atlas (US$ a precios actuales)',
    },
    definition: {
      ar: 'الدخل القومي الإجمالي محوَّلًا إلى دولارات الولايات المتحدة بطريقة أطلس للبنك الدولي، مقسومًا على عدد السكان في منتصف السنة.',
      zh: '按世界银行阿特拉斯法折算为美元的国民总收入除以年中人口。',
      en: 'Gross national income converted to US dollars with the World Bank Atlas method, divided by the mid-year population.',
      fr: 'Revenu national brut converti en dollars des États-Unis selon la méthode Atlas de la Banque mondiale, divisé par la population en milieu d’année.',
      ru: 'Валовой национальный доход, пересчитанный в доллары США по методу «Атлас» Всемирного банка и делённый на численность населения на середину года.',
      es: 'Ingreso nacional bruto convertido a dólares de los Estados Unidos mediante el método Atlas del Banco Mundial, dividido por la población a mitad de año.',
    },
    unit: 'current-usd',
    decimals: 0,
    bounds: NON_NEGATIVE,
    direction: null,
    aggregation: 'population-weighted',
    aggregationNote:
      'A per-capita amount: group value = group GNI ÷ group population, which is the population-weighted mean of members’ GNI per capita.',
    target: null,
    targetReference: null,
    source: worldBank('NY.GNP.PCAP.CD'),
    derivedFrom: [],
    breakdowns: [],
  },
  {
    code: 'gni-per-capita-monthly',
    aliases: [],
    name: {
      ar: 'نصيب الفرد الشهري من الدخل القومي الإجمالي (بالدولار الأمريكي الجاري)',
      zh: '月人均国民总收入（现价美元）',
      en: 'Monthly GNI per capita (current US$)',
      fr: 'RNB mensuel par habitant ($ US courants)',
      ru: 'Месячный ВНД на душу населения (в текущих долларах США)',
      es: 'INB mensual per cápita (US$ a precios actuales)',
    },
    definition: {
      ar: 'نصيب الفرد من الدخل القومي الإجمالي (طريقة أطلس، بالدولار الأمريكي الجاري) مقسومًا على اثني عشر، وهو المقياس الذي تُقاس به غاية القدرة على تحمّل تكلفة النطاق العريض.',
      zh: '人均国民总收入（阿特拉斯法，现价美元）除以十二，是衡量宽带可负担性目标的基准。',
      en: 'GNI per capita (Atlas method, current US$) divided by twelve, the yardstick of the broadband affordability target.',
      fr: 'RNB par habitant (méthode Atlas, $ US courants) divisé par douze, étalon de la cible d’accessibilité financière du haut débit.',
      ru: 'ВНД на душу населения (метод «Атлас», в текущих долларах США), делённый на двенадцать; мерило целевого показателя ценовой доступности широкополосной связи.',
      es: 'INB per cápita (método Atlas, US$ a precios actuales) dividido entre doce, referencia de la meta de asequibilidad de la banda ancha.',
    },
    unit: 'current-usd',
    decimals: 0,
    bounds: NON_NEGATIVE,
    direction: null,
    aggregation: 'population-weighted',
    aggregationNote: 'As GNI per capita (a twelfth of it).',
    target: null,
    targetReference: null,
    source: computed('World Bank GNI per capita, Atlas method (NY.GNP.PCAP.CD) ÷ 12'),
    derivedFrom: ['gni-per-capita'],
    breakdowns: [],
  },
  {
    code: 'population',
    aliases: ['SP.POP.TOTL'],
    name: {
      ar: 'مجموع السكان',
      zh: '总人口',
      en: 'Population, total',
      fr: 'Population totale',
      ru: 'Общая численность населения',
      es: 'Población total',
    },
    definition: {
      ar: 'جميع المقيمين في البلد بصرف النظر عن وضعهم القانوني أو جنسيتهم، وفق تقديرات منتصف السنة.',
      zh: '一国全部居民（不论其法律身份或国籍）的年中估计数。',
      en: 'All residents of a country regardless of legal status or citizenship, as a mid-year estimate.',
      fr: 'Ensemble des résidents d’un pays, quels que soient leur statut juridique ou leur nationalité, estimé en milieu d’année.',
      ru: 'Все жители страны независимо от правового статуса или гражданства; оценка на середину года.',
      es: 'Todos los residentes de un país, con independencia de su situación jurídica o ciudadanía, según estimaciones a mitad de año.',
    },
    unit: 'persons',
    decimals: 0,
    bounds: NON_NEGATIVE,
    direction: null,
    aggregation: 'sum',
    aggregationNote: 'A count: the group value is the sum of its members.',
    target: null,
    targetReference: null,
    source: worldBank('SP.POP.TOTL'),
    derivedFrom: [],
    breakdowns: [],
  },
  coverage('2G', 'IT_MOB_2GNTWK'),
  coverage('3G', 'IT_MOB_3GNTWK'),
  coverage('4G', 'IT_MOB_4GNTWK'),
  {
    code: 'mobile-ownership',
    aliases: ['IT_MOB_OWN'],
    name: {
      ar: 'الأفراد الذين يمتلكون هاتفًا متنقلًا',
      zh: '拥有移动电话的个人',
      en: 'Individuals who own a mobile phone',
      fr: 'Personnes possédant un téléphone mobile',
      ru: 'Лица, владеющие мобильным телефоном',
      es: 'Personas que poseen un teléfono móvil',
    },
    definition: {
      ar: 'نسبة الأفراد الذين يمتلكون هاتفًا خلويًا متنقلًا، مصنفة حسب الجنس.',
      zh: '拥有移动蜂窝电话的个人所占比例，按性别分列。',
      en: 'Share of individuals who own a mobile-cellular telephone, by sex.',
      fr: 'Proportion de personnes possédant un téléphone mobile cellulaire, par sexe.',
      ru: 'Доля лиц, владеющих мобильным сотовым телефоном, в разбивке по полу.',
      es: 'Proporción de personas que poseen un teléfono celular móvil, desglosada por sexo.',
    },
    unit: 'percent',
    decimals: 1,
    bounds: PERCENT_BOUNDS,
    direction: 'higher-is-better',
    aggregation: 'population-weighted',
    aggregationNote:
      'A share of individuals: weighted by population (by the female or male population for the breakdowns, when available).',
    target: { kind: 'at-least', value: 100 },
    targetReference: `${UMC_2030}; set for individuals aged 15 and over`,
    source: sdg('IT_MOB_OWN', '5.b.1'),
    derivedFrom: [],
    breakdowns: [
      {
        dimension: 'sex',
        values: [
          { code: 'total', aliases: ['bothsex', '_T'] },
          { code: 'female', aliases: ['F'] },
          { code: 'male', aliases: ['M'] },
        ],
      },
    ],
  },
  {
    code: 'mobile-ownership-gender-parity',
    aliases: [],
    name: {
      ar: 'التكافؤ بين الجنسين في امتلاك الهاتف المتنقل',
      zh: '移动电话拥有率的性别均等指数',
      en: 'Gender parity in mobile phone ownership',
      fr: 'Parité entre les sexes en matière de possession d’un téléphone mobile',
      ru: 'Гендерный паритет во владении мобильными телефонами',
      es: 'Paridad de género en la tenencia de teléfonos móviles',
    },
    definition: {
      ar: 'نسبة النساء اللواتي يمتلكن هاتفًا متنقلًا مقسومة على نسبة الرجال الذين يمتلكونه؛ وتدل القيمة 1 على التكافؤ.',
      zh: '拥有移动电话的女性比例除以男性比例；1表示男女均等。',
      en: 'Share of women who own a mobile phone divided by the share of men who do; 1 means parity.',
      fr: 'Proportion de femmes possédant un téléphone mobile divisée par celle des hommes ; la valeur 1 correspond à la parité.',
      ru: 'Доля женщин, владеющих мобильным телефоном, делённая на соответствующую долю мужчин; значение 1 означает паритет.',
      es: 'Proporción de mujeres que poseen un teléfono móvil dividida por la de hombres; el valor 1 indica paridad.',
    },
    unit: 'ratio',
    decimals: 2,
    bounds: NON_NEGATIVE,
    direction: null,
    aggregation: 'none',
    aggregationNote: 'A ratio of two shares: a group’s parity is its female share ÷ its male share, not a mean of members’ ratios.',
    target: { kind: 'between', lower: 0.98, upper: 1.02 },
    targetReference: UMC_2030,
    source: computed('ITU mobile-phone ownership by sex (IT_MOB_OWN, SDG 5.b.1): female ÷ male'),
    derivedFrom: ['mobile-ownership'],
    breakdowns: [],
  },
  {
    code: 'broadband-affordability',
    aliases: [],
    name: {
      ar: 'سعر النطاق العريض من المستوى الأساسي كنسبة مئوية من نصيب الفرد الشهري من الدخل القومي الإجمالي',
      zh: '入门级宽带价格占月人均国民总收入的百分比',
      en: 'Entry-level broadband price, % of monthly GNI per capita',
      fr: 'Prix du haut débit d’entrée de gamme, en % du RNB mensuel par habitant',
      ru: 'Цена базового широкополосного доступа, % месячного ВНД на душу населения',
      es: 'Precio de la banda ancha básica, % del INB mensual per cápita',
    },
    definition: {
      ar: 'السعر الشهري لباقة نطاق عريض من المستوى الأساسي (سلة الاتحاد الدولي للاتصالات للبيانات المتنقلة بسعة 2 غيغابايت) كنسبة مئوية من نصيب الفرد الشهري من الدخل القومي الإجمالي.',
      zh: '入门级宽带套餐（国际电联2 GB移动数据资费篮子）的月价格占月人均国民总收入的百分比。',
      en: 'Monthly price of an entry-level broadband plan (ITU 2 GB mobile-data basket) as a percentage of monthly GNI per capita.',
      fr: 'Prix mensuel d’une offre de haut débit d’entrée de gamme (panier de données mobiles de 2 Go de l’UIT) en pourcentage du RNB mensuel par habitant.',
      ru: 'Месячная цена базового тарифного плана широкополосного доступа (корзина МСЭ «мобильные данные, 2 ГБ») в процентах от месячного ВНД на душу населения.',
      es: 'Precio mensual de un plan básico de banda ancha (cesta de datos móviles de 2 GB de la UIT) como porcentaje del INB mensual per cápita.',
    },
    unit: 'percent-of-monthly-gni-per-capita',
    decimals: 2,
    bounds: NON_NEGATIVE,
    direction: 'lower-is-better',
    aggregation: 'none',
    aggregationNote:
      'A price relative to national income: ITU reports group medians of it, not population-weighted means, so the platform does not aggregate it.',
    target: { kind: 'at-most', value: 2 },
    targetReference: BROADBAND_COMMISSION,
    source: computed('ITU ICT Price Baskets (mobile data, 2 GB) ÷ monthly GNI per capita; prices not yet loaded'),
    derivedFrom: ['gni-per-capita-monthly'],
    breakdowns: [],
  },
];
