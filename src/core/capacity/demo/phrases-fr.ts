/** French words of generated demo data (see phrases.ts; titles parallel to phrases-en.ts). */
import type { Phrases } from './phrases.js';

export const FR: Phrases = {
  topics: {
    'digital-literacy': {
      titles: ['Premiers pas en ligne : compétences numériques du quotidien', 'Culture numérique pour les formateurs communautaires'],
      summary: 'Utiliser un smartphone et un ordinateur en confiance : navigation, courriel, formulaires en ligne et sécurité.',
      need: 'Compétences numériques de base pour les habitants des zones rurales',
    },
    'digital-skills-for-work': {
      titles: ['Compétences numériques pour le monde du travail', 'Tableurs et données pour le personnel des petites entreprises'],
      summary: 'Outils de productivité, collaboration en ligne et compétences numériques les plus demandées par les employeurs.',
      need: 'Compétences numériques pour l’emploi des jeunes sans travail',
    },
    'digital-education-edtech': {
      titles: [
        'Enseigner avec des outils numériques dans les écoles peu connectées',
        'Concevoir des cours hybrides pour les écoles normales',
      ],
      summary: 'Préparer des leçons avec des plateformes d’apprentissage hors ligne et des ressources éducatives libres.',
      need: 'Formation des enseignants aux outils numériques pour les écoles connectées',
    },
    'digital-inclusion-gender': {
      titles: ['Réduire la fracture numérique entre les sexes : boîte à outils', 'Programme de leadership des femmes dans la tech'],
      summary: 'Mesurer et réduire les écarts d’accès et d’usage entre femmes et hommes, zones rurales et urbaines.',
      need: 'Programme de compétences numériques pour les femmes entrepreneures',
    },
    'accessibility-ict': {
      titles: ['Accessibilité des TIC pour les sites web publics', 'Technologies d’assistance dans les écoles et les bibliothèques'],
      summary: 'Appliquer les normes d’accessibilité pour que les personnes handicapées puissent utiliser les services publics numériques.',
      need: 'Rendre les sites web de l’administration accessibles',
    },
    'broadband-policy-regulation': {
      titles: ['Plans nationaux haut débit : des objectifs à la mise en œuvre', 'Des fonds de service universel efficaces'],
      summary: 'Concevoir la politique du haut débit, les licences et les fonds de service universel pour un accès abordable pour tous.',
      need: 'Appui à la rédaction du plan national haut débit',
    },
    'spectrum-management': {
      titles: ['Contrôle du spectre et application de la réglementation', 'Tarification et enchères du spectre pour les régulateurs'],
      summary: 'Planifier, assigner et contrôler le spectre radioélectrique, et coordonner les réseaux à satellite.',
      need: 'Formation au contrôle du spectre pour l’autorité de régulation',
    },
    'emerging-tech-iot-5g': {
      titles: [
        'Stratégies de déploiement de la 5G dans les marchés en développement',
        'L’internet des objets au service de l’agriculture intelligente',
      ],
      summary: 'Comprendre la 5G, l’internet des objets et les réseaux à satellite, et planifier leur déploiement.',
      need: 'Conseils pour une feuille de route nationale de la 5G',
    },
    cybersecurity: {
      titles: ['Réponse aux incidents de cybersécurité pour les CIRT nationales', 'Élaborer une stratégie nationale de cybersécurité'],
      summary:
        'Mettre en place la réponse aux incidents, rédiger une stratégie nationale de cybersécurité et renforcer la cyberhygiène de l’administration.',
      need: 'Création d’une équipe nationale de réponse aux incidents informatiques',
    },
    'data-protection-privacy': {
      titles: ['Le droit de la protection des données en pratique', 'Protection de la vie privée dès la conception des systèmes publics'],
      summary: 'Rédiger et appliquer la législation sur les données personnelles et bâtir les autorités de contrôle.',
      need: 'Formation pour la nouvelle autorité de protection des données',
    },
    'online-safety-child-protection': {
      titles: ['Protection des enfants en ligne pour les éducateurs et les parents', 'Lutter contre les contenus préjudiciables en ligne'],
      summary: 'Protéger les enfants et les utilisateurs en ligne par la politique, l’éducation et les mécanismes de signalement.',
      need: 'Formation des enseignants à la protection des enfants en ligne',
    },
    'data-governance-statistics': {
      titles: ['Statistiques des TIC et enquêtes auprès des ménages', 'Données ouvertes pour les institutions publiques'],
      summary: 'Collecter, publier et utiliser les statistiques des TIC et les données publiques ouvertes.',
      need: 'Renforcer l’institut de statistique pour les enquêtes TIC auprès des ménages',
    },
    'ai-policy-ethics': {
      titles: ['Politique et gouvernance de l’IA pour les décideurs', 'Une IA responsable dans le secteur public'],
      summary: 'Rédiger une stratégie nationale d’IA et encadrer son usage dans l’administration, de manière responsable et éthique.',
      need: 'Conseils pour une stratégie nationale d’intelligence artificielle',
    },
    'e-government-digital-public-services': {
      titles: ['Concevoir des services publics numériques', 'L’interopérabilité au service de l’administration en ligne'],
      summary: 'Mettre les services publics en ligne autour des besoins des usagers et faire dialoguer les systèmes de l’administration.',
      need: 'Transformation numérique des services publics',
    },
    'digital-public-infrastructure': {
      titles: ['Systèmes d’identité numérique : conception et garanties', 'L’infrastructure publique numérique en pratique'],
      summary:
        'Bâtir l’identité numérique, les paiements et l’échange de données comme infrastructure publique partagée, avec des garanties.',
      need: 'Assistance technique pour un système d’identité numérique',
    },
    'digital-financial-services': {
      titles: ['Argent mobile et inclusion financière', 'Réglementer les paiements numériques'],
      summary: 'Étendre l’argent mobile et les paiements numériques en toute sécurité pour atteindre les personnes non bancarisées.',
      need: 'Formation des régulateurs à l’inclusion financière numérique',
    },
    'e-commerce-trade': {
      titles: ['Le commerce électronique pour les petites entreprises', 'Politique et négociations du commerce numérique'],
      summary: 'Aider les petites entreprises à vendre en ligne et préparer les négociateurs aux règles du commerce numérique.',
      need: 'Compétences en commerce électronique pour les petits exportateurs',
    },
    'digital-health': {
      titles: ['Stratégies de santé numérique et systèmes d’information sanitaire', 'La télémédecine pour les centres de santé ruraux'],
      summary: 'Planifier la santé numérique, gérer les systèmes d’information sanitaire et soigner à distance.',
      need: 'Formation du personnel de district aux systèmes d’information sanitaire',
    },
    'climate-green-ict': {
      titles: ['Gestion des déchets électroniques pour les municipalités', 'TIC vertes et réseaux économes en énergie'],
      summary: 'Réduire l’empreinte des réseaux et des appareils et gérer les déchets électroniques en toute sécurité.',
      need: 'Appui à une politique de gestion des déchets électroniques',
    },
    'open-source-software': {
      titles: ['Les logiciels libres pour l’administration', 'Biens publics numériques : adopter et contribuer'],
      summary: 'Utiliser, développer et gouverner les logiciels libres et les biens publics numériques dans le secteur public.',
      need: 'Plan d’adoption des logiciels libres pour les ministères',
    },
  },
  financing: ['Financement de la connectivité rurale', 'Financement mixte pour le haut débit du dernier kilomètre'],
  infrastructure: ['Équipement et installation de réseaux communautaires', 'Connectivité solaire pour les écoles rurales'],
  financingSummary:
    'Un engagement de financement en faveur d’une connectivité universelle et significative, ouvert aux programmes nationaux éligibles.',
  infrastructureSummary: 'Un engagement en nature d’équipements et d’appui au déploiement pour les communautés non connectées.',
  waiver: 'Les frais sont supprimés pour les participants des pays les moins avancés.',
  place: (name) => ` — ${name}`,
  demoOffering: 'Données de démonstration générées : cette offre a été inventée pour présenter le catalogue et n’est pas réelle.',
  demoNeed: 'Données de démonstration générées : ce besoin a été inventé pour présenter le catalogue et n’est pas réel.',
  needIntro: (country, people) => `${country} — un appui est recherché pour environ ${people} personnes.`,
  delivery: (hours) => `Environ ${hours} heures de formation.`,
};
