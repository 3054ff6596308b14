/**
 * Names and short descriptions of the platform's 20 topics (data/topics.csv
 * holds the codes and the English) in the other five UN languages, written for
 * the platform. Where a language has two current terms, the one UN and ITU
 * documents use is chosen (e.g. "cybersécurité", "ciberseguridad",
 * "кибербезопасность", "الأمن السيبراني", "网络安全"). "Online safety" is
 * rendered 上网安全 in Chinese so that it stays distinct from 网络安全
 * (cybersecurity) for readers and for search.
 */
import type { Language } from '../../shared/localised.js';

type Other = Exclude<Language, 'en'>;
/** [name, description] per language. */
export type TopicTranslation = Record<Other, readonly [name: string, description: string]>;

export const TOPIC_TRANSLATIONS: Readonly<Record<string, TopicTranslation>> = {
  'digital-literacy': {
    ar: ['محو الأمية الرقمية', 'الاستخدام الأساسي للأجهزة والإنترنت والخدمات الإلكترونية اليومية'],
    zh: ['数字素养', '设备、互联网和日常在线服务的基本使用'],
    fr: ['Culture numérique', "Utilisation de base des appareils, d'Internet et des services en ligne du quotidien"],
    ru: ['Цифровая грамотность', 'Базовое использование устройств, интернета и повседневных онлайн-услуг'],
    es: ['Alfabetización digital', 'Uso básico de dispositivos, de Internet y de los servicios en línea cotidianos'],
  },
  'digital-skills-for-work': {
    ar: ['المهارات الرقمية للعمل', 'المهارات الرقمية المتوسطة والمرتبطة بالوظائف، وأدوات الإنتاجية، والمهن الرقمية'],
    zh: ['职业数字技能', '中级和与工作相关的数字技能、生产力工具、数字职业'],
    fr: [
      'Compétences numériques pour le travail',
      'Compétences numériques intermédiaires et professionnelles, outils de productivité, métiers du numérique',
    ],
    ru: [
      'Цифровые навыки для работы',
      'Цифровые навыки среднего уровня и профессиональные навыки, инструменты продуктивности, цифровые профессии',
    ],
    es: [
      'Competencias digitales para el trabajo',
      'Competencias digitales intermedias y laborales, herramientas de productividad, carreras digitales',
    ],
  },
  'digital-education-edtech': {
    ar: ['التعليم الرقمي وتكنولوجيا التعليم', 'التدريس بالأدوات الرقمية، والمدارس الموصولة، ومنصات التعلم، وتدريب المعلمين'],
    zh: ['数字教育与教育科技', '利用数字工具教学、联网学校、学习平台、教师培训'],
    fr: [
      'Éducation numérique et technologies éducatives',
      "Enseigner avec des outils numériques, écoles connectées, plateformes d'apprentissage, formation des enseignants",
    ],
    ru: [
      'Цифровое образование и образовательные технологии',
      'Обучение с помощью цифровых инструментов, подключённые школы, учебные платформы, подготовка учителей',
    ],
    es: [
      'Educación digital y tecnología educativa',
      'Enseñanza con herramientas digitales, escuelas conectadas, plataformas de aprendizaje, formación docente',
    ],
  },
  'digital-inclusion-gender': {
    ar: ['الشمول الرقمي والمساواة بين الجنسين', 'سد الفجوات القائمة على النوع الاجتماعي والعمر والريف والدخل في النفاذ والاستخدام'],
    zh: ['数字包容与性别', '弥合在接入和使用方面的性别、年龄、城乡和收入鸿沟'],
    fr: [
      'Inclusion numérique et genre',
      "Réduire les fractures liées au genre, à l'âge, au milieu rural et au revenu dans l'accès et l'usage",
    ],
    ru: [
      'Цифровая инклюзивность и гендерное равенство',
      'Преодоление гендерного, возрастного, сельского и имущественного разрывов в доступе и использовании',
    ],
    es: ['Inclusión digital y género', 'Cerrar las brechas de género, edad, ruralidad e ingresos en el acceso y el uso'],
  },
  'accessibility-ict': {
    ar: ['إمكانية النفاذ إلى تكنولوجيا المعلومات والاتصالات', 'التصميم الميسَّر والتكنولوجيا المساعدة والخدمات للأشخاص ذوي الإعاقة'],
    zh: ['信息通信技术无障碍', '无障碍设计、辅助技术和面向残疾人的服务'],
    fr: ['Accessibilité des TIC', "Conception accessible, technologies d'assistance et services pour les personnes handicapées"],
    ru: ['Доступность ИКТ', 'Доступный дизайн, вспомогательные технологии и услуги для лиц с инвалидностью'],
    es: ['Accesibilidad de las TIC', 'Diseño accesible, tecnologías de apoyo y servicios para personas con discapacidad'],
  },
  'broadband-policy-regulation': {
    ar: ['سياسات النطاق العريض وتنظيمه', 'الخطط الوطنية للنطاق العريض، والمنافسة، والترخيص، والخدمة الشاملة، والقدرة على تحمل التكاليف'],
    zh: ['宽带政策与监管', '国家宽带计划、竞争、许可、普遍服务、可负担性'],
    fr: [
      'Politique et réglementation du haut débit',
      'Plans nationaux haut débit, concurrence, octroi de licences, service universel, prix abordables',
    ],
    ru: [
      'Политика и регулирование в области широкополосной связи',
      'Национальные планы развития широкополосной связи, конкуренция, лицензирование, универсальное обслуживание, ценовая доступность',
    ],
    es: [
      'Política y regulación de la banda ancha',
      'Planes nacionales de banda ancha, competencia, concesión de licencias, servicio universal, asequibilidad',
    ],
  },
  'spectrum-management': {
    ar: ['إدارة الطيف', 'تخطيط الطيف وتخصيصه ورصده، وتنسيق السواتل'],
    zh: ['频谱管理', '频谱规划、指配、监测和卫星协调'],
    fr: ['Gestion du spectre', 'Planification, assignation et contrôle du spectre, coordination des satellites'],
    ru: ['Управление использованием спектра', 'Планирование, присвоение и мониторинг спектра, координация спутниковых сетей'],
    es: ['Gestión del espectro', 'Planificación, asignación y comprobación técnica del espectro, coordinación de satélites'],
  },
  'emerging-tech-iot-5g': {
    ar: ['التكنولوجيات الناشئة (إنترنت الأشياء، الجيل الخامس)', 'الجيل الخامس وإنترنت الأشياء والسواتل وغيرها من الشبكات الجديدة ونشرها'],
    zh: ['新兴技术（物联网、5G）', '5G、物联网、卫星等新型网络及其部署'],
    fr: [
      'Technologies émergentes (IoT, 5G)',
      "La 5G, l'internet des objets, les satellites et les autres nouveaux réseaux, et leur déploiement",
    ],
    ru: ['Новые технологии (IoT, 5G)', '5G, интернет вещей, спутники и другие новые сети и их развёртывание'],
    es: ['Tecnologías emergentes (IoT, 5G)', 'El 5G, la internet de las cosas, los satélites y otras redes nuevas, y su despliegue'],
  },
  cybersecurity: {
    ar: ['الأمن السيبراني', 'الاستراتيجيات الوطنية للأمن السيبراني، والاستجابة للحوادث (فرق CIRT)، والنظافة السيبرانية'],
    zh: ['网络安全', '国家网络安全战略、事件响应（CIRT）、网络卫生'],
    fr: ['Cybersécurité', 'Stratégies nationales de cybersécurité, réponse aux incidents (CIRT), cyberhygiène'],
    ru: ['Кибербезопасность', 'Национальные стратегии кибербезопасности, реагирование на инциденты (CIRT), кибергигиена'],
    es: ['Ciberseguridad', 'Estrategias nacionales de ciberseguridad, respuesta a incidentes (CIRT), ciberhigiene'],
  },
  'data-protection-privacy': {
    ar: ['حماية البيانات والخصوصية', 'قوانين حماية البيانات الشخصية، والخصوصية منذ التصميم، والسلطات الرقابية'],
    zh: ['数据保护与隐私', '个人数据保护法、隐私设计、监管机构'],
    fr: [
      'Protection des données et vie privée',
      'Droit de la protection des données personnelles, protection de la vie privée dès la conception, autorités de contrôle',
    ],
    ru: [
      'Защита данных и неприкосновенность частной жизни',
      'Законодательство о защите персональных данных, встроенная конфиденциальность, надзорные органы',
    ],
    es: [
      'Protección de datos y privacidad',
      'Legislación de protección de datos personales, privacidad desde el diseño, autoridades de control',
    ],
  },
  'online-safety-child-protection': {
    ar: ['السلامة على الإنترنت وحماية الأطفال على الإنترنت', 'حماية الأطفال والمستخدمين على الإنترنت، والمحتوى الضار، والرفاه الرقمي'],
    zh: ['上网安全与儿童在线保护', '在线保护儿童和用户、有害内容、数字福祉'],
    fr: [
      'Sécurité en ligne et protection des enfants en ligne',
      'Protéger les enfants et les utilisateurs en ligne, contenus préjudiciables, bien-être numérique',
    ],
    ru: [
      'Безопасность в интернете и защита детей в онлайновой среде',
      'Защита детей и пользователей в интернете, вредоносный контент, цифровое благополучие',
    ],
    es: [
      'Seguridad en línea y protección de la infancia en línea',
      'Proteger a niños y usuarios en línea, contenidos nocivos, bienestar digital',
    ],
  },
  'data-governance-statistics': {
    ar: ['حوكمة البيانات والإحصاءات', 'سياسات البيانات، والبيانات المفتوحة، وإحصاءات تكنولوجيا المعلومات والاتصالات، والمسوح الأسرية'],
    zh: ['数据治理与统计', '数据政策、开放数据、信息通信技术统计和住户调查'],
    fr: [
      'Gouvernance des données et statistiques',
      'Politique des données, données ouvertes, statistiques des TIC et enquêtes auprès des ménages',
    ],
    ru: ['Управление данными и статистика', 'Политика в области данных, открытые данные, статистика ИКТ и обследования домохозяйств'],
    es: ['Gobernanza de datos y estadísticas', 'Política de datos, datos abiertos, estadísticas de TIC y encuestas de hogares'],
  },
  'ai-policy-ethics': {
    ar: [
      'سياسات الذكاء الاصطناعي وحوكمته وأخلاقياته',
      'الاستراتيجيات الوطنية للذكاء الاصطناعي، والذكاء الاصطناعي المسؤول والأخلاقي، والذكاء الاصطناعي في القطاع العام',
    ],
    zh: ['人工智能政策、治理与伦理', '国家人工智能战略、负责任和合乎伦理的人工智能、公共部门中的人工智能'],
    fr: ["Politique, gouvernance et éthique de l'IA", "Stratégies nationales d'IA, IA responsable et éthique, IA dans le secteur public"],
    ru: [
      'Политика, управление и этика ИИ',
      'Национальные стратегии в области ИИ, ответственный и этичный ИИ, ИИ в государственном секторе',
    ],
    es: ['Política, gobernanza y ética de la IA', 'Estrategias nacionales de IA, IA responsable y ética, IA en el sector público'],
  },
  'e-government-digital-public-services': {
    ar: ['الحكومة الإلكترونية والخدمات العامة الرقمية', 'الخدمات العامة عبر الإنترنت، والتحول الرقمي للحكومة، وقابلية التشغيل البيني'],
    zh: ['电子政务与数字公共服务', '在线公共服务、政府数字化转型、互操作性'],
    fr: [
      'Administration en ligne et services publics numériques',
      "Services publics en ligne, transformation numérique de l'administration, interopérabilité",
    ],
    ru: [
      'Электронное правительство и цифровые государственные услуги',
      'Государственные услуги онлайн, цифровая трансформация государственного управления, функциональная совместимость',
    ],
    es: [
      'Gobierno electrónico y servicios públicos digitales',
      'Servicios públicos en línea, transformación digital del gobierno, interoperabilidad',
    ],
  },
  'digital-public-infrastructure': {
    ar: ['البنية التحتية العامة الرقمية', 'الهوية الرقمية والمدفوعات وتبادل البيانات بوصفها بنية تحتية عامة مشتركة'],
    zh: ['数字公共基础设施', '作为共享公共基础设施的数字身份、支付和数据交换'],
    fr: [
      'Infrastructure publique numérique',
      "Identité numérique, paiements et échange de données en tant qu'infrastructure publique partagée",
    ],
    ru: ['Цифровая общественная инфраструктура', 'Цифровая идентификация, платежи и обмен данными как общая общественная инфраструктура'],
    es: ['Infraestructura pública digital', 'Identidad digital, pagos e intercambio de datos como infraestructura pública compartida'],
  },
  'digital-financial-services': {
    ar: ['الخدمات المالية الرقمية', 'الأموال عبر الهاتف المحمول، والمدفوعات الرقمية، والشمول المالي'],
    zh: ['数字金融服务', '移动货币、数字支付、普惠金融'],
    fr: ['Services financiers numériques', 'Argent mobile, paiements numériques, inclusion financière'],
    ru: ['Цифровые финансовые услуги', 'Мобильные деньги, цифровые платежи, финансовая доступность'],
    es: ['Servicios financieros digitales', 'Dinero móvil, pagos digitales, inclusión financiera'],
  },
  'e-commerce-trade': {
    ar: [
      'التجارة الإلكترونية والتجارة الرقمية',
      'الأعمال التجارية عبر الإنترنت، وسياسات التجارة الرقمية، والمنشآت الصغيرة والمتوسطة التي تبيع عبر الإنترنت',
    ],
    zh: ['电子商务与数字贸易', '在线商业、数字贸易政策、中小企业网上销售'],
    fr: ['Commerce électronique et commerce numérique', 'Activités en ligne, politique du commerce numérique, PME qui vendent en ligne'],
    ru: ['Электронная коммерция и цифровая торговля', 'Онлайн-бизнес, политика в области цифровой торговли, МСП, продающие через интернет'],
    es: ['Comercio electrónico y comercio digital', 'Negocios en línea, política de comercio digital, pymes que venden en línea'],
  },
  'digital-health': {
    ar: ['الصحة الرقمية', 'نظم المعلومات الصحية، والتطبيب عن بُعد، واستراتيجيات الصحة الرقمية'],
    zh: ['数字卫生', '卫生信息系统、远程医疗、数字卫生战略'],
    fr: ['Santé numérique', "Systèmes d'information sanitaire, télémédecine, stratégies de santé numérique"],
    ru: ['Цифровое здравоохранение', 'Информационные системы здравоохранения, телемедицина, стратегии цифрового здравоохранения'],
    es: ['Salud digital', 'Sistemas de información sanitaria, telemedicina, estrategias de salud digital'],
  },
  'climate-green-ict': {
    ar: [
      'المناخ والنفايات الإلكترونية وتكنولوجيا المعلومات والاتصالات الخضراء',
      'تكنولوجيا المعلومات والاتصالات من أجل العمل المناخي، والشبكات الموفرة للطاقة، وإدارة النفايات الإلكترونية',
    ],
    zh: ['气候、电子废物与绿色信息通信技术', '信息通信技术促进气候行动、节能网络、电子废物管理'],
    fr: [
      'Climat, déchets électroniques et TIC vertes',
      "Les TIC au service de l'action climatique, réseaux économes en énergie, gestion des déchets électroniques",
    ],
    ru: [
      'Климат, электронные отходы и «зелёные» ИКТ',
      'ИКТ для борьбы с изменением климата, энергоэффективные сети, обращение с электронными отходами',
    ],
    es: [
      'Clima, residuos electrónicos y TIC verdes',
      'TIC para la acción climática, redes energéticamente eficientes, gestión de residuos electrónicos',
    ],
  },
  'open-source-software': {
    ar: ['البرمجيات مفتوحة المصدر', 'استخدام البرمجيات مفتوحة المصدر والسلع العامة الرقمية وتطويرها وحوكمتها'],
    zh: ['开源软件', '使用、开发和治理开源软件与数字公共产品'],
    fr: ['Logiciels libres', 'Utiliser, développer et gouverner les logiciels libres et les biens publics numériques'],
    ru: [
      'Программное обеспечение с открытым исходным кодом',
      'Использование, разработка и управление ПО с открытым исходным кодом и цифровыми общественными благами',
    ],
    es: ['Software de código abierto', 'Usar, desarrollar y gobernar el software de código abierto y los bienes públicos digitales'],
  },
};
