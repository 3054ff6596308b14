/**
 * Words of generated demo people and projects in the six UN languages. Every bio, project
 * description and update says, in its own language, that it is generated and not real. Topic and
 * country names come from the platform's vocabulary; these templates only join them.
 */
import type { Language } from '../../shared/localised.js';

export interface DemoPhrases {
  headline(topic: string): string;
  bio(topic: string, country: string, years: number): string;
  projectTitle(topic: string, country: string): string;
  projectDescription(topic: string, country: string): string;
  update(participants: number): string;
  roles: readonly [string, string, string];
}

export const DEMO_PHRASES: Readonly<Record<Language, DemoPhrases>> = {
  en: {
    headline: (topic) => `${topic} specialist`,
    bio: (topic, country, years) =>
      `${years} years of work on ${topic.toLowerCase()} with governments and regulators, based in ${country}. Generated demo profile, not a real person.`,
    projectTitle: (topic, country) => `${topic} in ${country}: national programme`,
    projectDescription: (topic, country) =>
      `The government of ${country} and its partners work together on ${topic.toLowerCase()}. Generated demo project, not a real one.`,
    update: (n) => `Workshop held with ${n} participants from ministries and the regulator (generated demo update).`,
    roles: ['Technical adviser', 'Trainer', 'Project coordinator'],
  },
  fr: {
    headline: (topic) => `Spécialiste – ${topic}`,
    bio: (topic, country, years) =>
      `${years} ans de travail sur le thème « ${topic} » avec les gouvernements et les régulateurs, en poste : ${country}. Profil de démonstration généré, pas une personne réelle.`,
    projectTitle: (topic, country) => `${topic} – ${country} : programme national`,
    projectDescription: (topic, country) =>
      `Le gouvernement (${country}) et ses partenaires travaillent ensemble sur le thème « ${topic} ». Projet de démonstration généré, pas un projet réel.`,
    update: (n) => `Atelier tenu avec ${n} participants des ministères et du régulateur (mise à jour de démonstration générée).`,
    roles: ['Conseiller technique', 'Formateur', 'Coordinateur du projet'],
  },
  es: {
    headline: (topic) => `Especialista en ${topic.toLowerCase()}`,
    bio: (topic, country, years) =>
      `${years} años de trabajo en ${topic.toLowerCase()} con gobiernos y reguladores, con sede en ${country}. Perfil de demostración generado, no es una persona real.`,
    projectTitle: (topic, country) => `${topic} en ${country}: programa nacional`,
    projectDescription: (topic, country) =>
      `El gobierno de ${country} y sus asociados trabajan juntos en ${topic.toLowerCase()}. Proyecto de demostración generado, no es real.`,
    update: (n) => `Taller realizado con ${n} participantes de ministerios y del regulador (actualización de demostración generada).`,
    roles: ['Asesor técnico', 'Formador', 'Coordinador del proyecto'],
  },
  ru: {
    headline: (topic) => `Специалист: ${topic}`,
    bio: (topic, country, years) =>
      `${years} лет работы по теме «${topic}» с правительствами и регуляторами; место службы: ${country}. Сгенерированный демонстрационный профиль, не реальный человек.`,
    projectTitle: (topic, country) => `${topic}: национальная программа (${country})`,
    projectDescription: (topic, country) =>
      `Правительство (${country}) и партнёры вместе работают по теме «${topic}». Сгенерированный демонстрационный проект, не реальный.`,
    update: (n) => `Проведён семинар с ${n} участниками из министерств и регулятора (сгенерированное демонстрационное сообщение).`,
    roles: ['Технический советник', 'Тренер', 'Координатор проекта'],
  },
  ar: {
    headline: (topic) => `أخصائي في ${topic}`,
    bio: (topic, country, years) =>
      `${years} سنوات من العمل في مجال ${topic} مع الحكومات والهيئات التنظيمية، ومقر العمل: ${country}. ملف تجريبي مُولَّد، وليس شخصًا حقيقيًا.`,
    projectTitle: (topic, country) => `${topic} في ${country}: برنامج وطني`,
    projectDescription: (topic, country) => `تعمل حكومة ${country} وشركاؤها معًا في مجال ${topic}. مشروع تجريبي مُولَّد، وليس مشروعًا حقيقيًا.`,
    update: (n) => `عُقدت حلقة عمل بمشاركة ${n} مشاركًا من الوزارات والهيئة التنظيمية (تحديث تجريبي مُولَّد).`,
    roles: ['مستشار تقني', 'مدرب', 'منسق المشروع'],
  },
  zh: {
    headline: (topic) => `${topic}专家`,
    bio: (topic, country, years) => `在${country}工作，与政府和监管机构合作从事${topic}工作${years}年。生成的演示资料，并非真人。`,
    projectTitle: (topic, country) => `${country}${topic}国家计划`,
    projectDescription: (topic, country) => `${country}政府及其合作伙伴共同开展${topic}工作。生成的演示项目，并非真实项目。`,
    update: (n) => `与来自各部委和监管机构的 ${n} 名参与者举办了研讨会（生成的演示更新）。`,
    roles: ['技术顾问', '培训师', '项目协调员'],
  },
};

/** Given and family names by the UN language of the duty station, so that names fit where people work. */
export const DEMO_NAMES: Readonly<Record<Language, { given: readonly string[]; family: readonly string[] }>> = {
  en: {
    given: [
      'Grace',
      'Samuel',
      'Amina',
      'David',
      'Priya',
      'Joseph',
      'Wanjiru',
      'Peter',
      'Fatima',
      'Kofi',
      'Ruth',
      'Tendai',
      'Anjali',
      'Noah',
    ],
    family: ['Mwangi', 'Okafor', 'Singh', 'Banda', 'Mensah', 'Otieno', 'Sharma', 'Phiri', 'Tembo', 'Nkosi', 'Haque', 'Smith', 'Kiplagat'],
  },
  fr: {
    given: ['Aïcha', 'Moussa', 'Fatoumata', 'Jean-Baptiste', 'Mariam', 'Ibrahima', 'Claire', 'Ousmane', 'Awa', 'Pierre', 'Nadia', 'Koffi'],
    family: ['Diallo', 'Traoré', 'Ndiaye', 'Coulibaly', 'Keïta', 'Mbaye', 'Sow', 'Kaboré', 'Dubois', 'Ouédraogo', 'Camara', 'Sylla'],
  },
  es: {
    given: ['María José', 'Carlos', 'Lucía', 'Andrés', 'Valentina', 'Jorge', 'Camila', 'Diego', 'Ximena', 'Luis', 'Paula', 'Mateo'],
    family: ['García', 'Rodríguez', 'Quispe', 'Mamani', 'Fernández', 'López', 'Gutiérrez', 'Vargas', 'Castillo', 'Rojas', 'Flores'],
  },
  ru: {
    given: ['Анна', 'Сергей', 'Айгерим', 'Дмитрий', 'Гульнара', 'Алексей', 'Наталья', 'Тимур', 'Мадина', 'Ирина', 'Бахтиёр'],
    family: ['Иванова', 'Петров', 'Нурланова', 'Смирнов', 'Абдуллаев', 'Кузнецова', 'Каримов', 'Ахметова', 'Соколов', 'Рахимов'],
  },
  ar: {
    given: ['ليلى', 'أحمد', 'فاطمة', 'يوسف', 'مريم', 'خالد', 'سارة', 'عمر', 'نور', 'حسن', 'رانيا', 'محمد'],
    family: ['الحداد', 'المصري', 'العلي', 'بن علي', 'الخطيب', 'السيد', 'النجار', 'الحسيني', 'الزعبي', 'الشامي'],
  },
  zh: {
    given: ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '丽'],
    family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'],
  },
};
